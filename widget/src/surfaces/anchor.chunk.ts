// The `tooltip` part: everything that places a card next to an element (tooltip, bottom sheet,
// spotlight, hotspot beacon). Bundled with the flow chunk for tours that use tooltips or hotspots.
import { beaconCss } from '../ui/corner.styles';
import { tooltipCss as cardCss } from '../ui/tooltip.view';

export { TooltipView } from '../ui/tooltip.view';
export { HotspotView } from '../ui/hotspot.view';
/** The part's styles: tooltip, bottom sheet, spotlight and hotspot beacon. */
export const tooltipCss = cardCss + beaconCss;
