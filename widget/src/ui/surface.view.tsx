import type { StepView } from '../core/surface.port';
import { DialogView } from './dialog.view';
import { TooltipView } from './tooltip.view';

/** Picks the surface for a step; keyed by step so each step mounts fresh. */
export function SurfaceView({ view }: { view: StepView }) {
  const { step, target } = view;
  if ((step.type === 'tooltip' || step.type === 'hotspot') && target) {
    return <TooltipView key={view.key} view={view} target={target} />;
  }
  const mode = step.type === 'modal' ? 'modal' : step.type === 'slideout' ? 'slideout' : 'center';
  return <DialogView key={view.key} view={view} mode={mode} />;
}
