import type { ButtonAction, LauncherDefinition } from '@waymark/shared';
import { Component } from 'preact';
import { autoUpdate } from '../dom/auto-update';
import { attachFloating, px } from '../dom/floating.positioner';
import {
  BlockList,
  ButtonRow,
  CloseButton,
  isButton,
  labelFor,
  type Translate,
} from './blocks.view';
import { engage } from './focus';

interface Props {
  launcher: LauncherDefinition;
  /** The element it sits beside, or null for a corner. */
  target: Element | null;
  t: Translate;
  titleId: string;
  act(action: ButtonAction): void;
  opened(open: boolean): void;
}

/** A button, icon or beacon that toggles a popover of blocks anchored to it. */
export class LauncherView extends Component<Props, { open: boolean }> {
  override state = { open: false };
  #button: HTMLButtonElement | null = null;

  #follow = (button: HTMLButtonElement | null): (() => void) | undefined => {
    this.#button = button;
    const { target } = this.props;
    if (!button || !target) return undefined;
    // Beside the target's top-right corner (top-left in right-to-left pages).
    return autoUpdate(target, button, () => {
      const r = target.getBoundingClientRect();
      const rtl = getComputedStyle(button).direction === 'rtl';
      button.style.left = px((rtl ? r.left - button.offsetWidth : r.right) + 4);
      button.style.top = px(r.top + (r.height - button.offsetHeight) / 2);
    });
  };

  #place = (card: HTMLDivElement | null): (() => void) | undefined => {
    const button = this.#button;
    if (!card || !button) return undefined;
    return attachFloating(
      button,
      this.props.launcher.placement,
      card,
      card.querySelector<HTMLElement>('.arrow'),
      { placed: () => engage(card, false, () => this.#toggle(false)) },
    );
  };

  #toggle = (open: boolean): void => {
    this.setState({ open });
    this.props.opened(open);
    if (!open) this.#button?.focus();
  };

  override render() {
    const { launcher, target, t, titleId, act } = this.props;
    const { open } = this.state;
    const corner = target ? '' : launcher.position;
    const text = launcher.style === 'button';
    return (
      <>
        <button
          ref={this.#follow}
          type="button"
          class={`${launcher.style === 'beacon' ? 'beacon' : 'launch'} ${launcher.style === 'icon' ? 'icon' : ''} ${corner}`}
          aria-label={text ? undefined : launcher.label}
          aria-expanded={open}
          onClick={() => this.#toggle(!open)}
        >
          {text ? launcher.label : launcher.style === 'icon' ? '?' : ''}
        </button>
        {open && (
          <div
            ref={this.#place}
            class="card tip"
            role="dialog"
            tabIndex={-1}
            {...labelFor(launcher.blocks, titleId, launcher.label)}
          >
            <CloseButton t={t} onClose={() => this.#toggle(false)} />
            <BlockList blocks={launcher.blocks} titleId={titleId} />
            <ButtonRow buttons={launcher.blocks.filter(isButton)} act={act} />
            <div class="arrow" />
          </div>
        )}
      </>
    );
  }
}
