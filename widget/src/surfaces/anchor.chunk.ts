// The `anchor` chunk: everything that places a card next to an element (tooltip, bottom sheet,
// spotlight, hotspot beacon). Loaded for tooltips, hotspots and launchers.
export * from '../ui/tooltip.view';
export * from '../ui/hotspot.view';
export * from '../dom/floating.positioner';
