// The `tooltip` part: everything that places a card next to an element (tooltip, bottom sheet,
// spotlight, hotspot beacon). Bundled with the flow chunk for tours that use tooltips or hotspots.
export { TooltipView, tooltipCss } from '../ui/tooltip.view';
export * from '../ui/hotspot.view';
