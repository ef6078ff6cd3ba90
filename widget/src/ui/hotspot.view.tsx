import { autoUpdate } from '../dom/auto-update';
import { px } from '../dom/floating.positioner';
import { Component } from 'preact';
import type { FlowView } from './step-card.view';
import { TooltipView } from './tooltip.view';

interface Props {
  view: FlowView;
  target: Element;
}

/**
 * A pulsing beacon on the target; pressing it opens the step as a tooltip. Esc closes the
 * tooltip and returns focus to the beacon; the tooltip's buttons move the flow as usual.
 */
export class HotspotView extends Component<Props, { open: boolean }> {
  override state = { open: false };
  #beacon: HTMLButtonElement | null = null;

  #follow = (beacon: HTMLButtonElement | null): (() => void) | undefined => {
    this.#beacon = beacon;
    const { target, view } = this.props;
    if (!beacon) return undefined;
    const spot = view.step.hotspot?.position ?? 'top-right';
    return autoUpdate(target, beacon, () => {
      const r = target.getBoundingClientRect();
      const middle = spot === 'center';
      // Centred on the point: the beacon is 24 px square.
      beacon.style.left = px(
        (middle ? (r.left + r.right) / 2 : spot.endsWith('left') ? r.left : r.right) - 12,
      );
      beacon.style.top = px(
        (middle ? (r.top + r.bottom) / 2 : spot.startsWith('top') ? r.top : r.bottom) - 12,
      );
      beacon.style.visibility = target.isConnected ? '' : 'hidden';
    });
  };

  #close = (): void => {
    this.setState({ open: false });
    this.#beacon?.focus();
  };

  override render() {
    const { view, target } = this.props;
    const { open } = this.state;
    const heading = view.step.blocks.find((block) => block.type === 'heading');
    return (
      <>
        <button
          ref={this.#follow}
          type="button"
          class="beacon"
          aria-label={heading?.text ?? view.t('Open tip')}
          aria-expanded={open}
          onClick={() => this.setState({ open: !open })}
        />
        {open && this.#beacon && (
          <TooltipView view={view} target={target} anchor={this.#beacon} onEscape={this.#close} />
        )}
      </>
    );
  }
}
