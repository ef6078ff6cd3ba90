import type { StepView } from '../core/surface.port';
import { labelProps, StepCard } from './step-card.view';

/**
 * `modal`: backdrop, focus moved in, Esc anywhere; `slideout`: corner panel; `center`: a tooltip
 * whose target is missing in a preview, laid out like a modal but not taking focus.
 */
export type DialogMode = 'modal' | 'slideout' | 'center';

export function dismissOnEscape(event: KeyboardEvent, view: StepView): void {
  if (event.key !== 'Escape') return;
  event.stopPropagation();
  view.act({ type: 'dismiss' });
}

/** Remounted for every drawn step; a ref callback with cleanup is all the lifecycle it needs. */
export function DialogView({ view, mode }: { view: StepView; mode: DialogMode }) {
  const modal = mode === 'modal';
  const takeFocus = (card: HTMLDivElement | null): (() => void) | undefined => {
    if (!card || !modal) return undefined;
    const previous = document.activeElement;
    card.focus();
    // Capture phase on the document: Esc is ours while a modal is open, wherever focus is.
    const onKey = (event: KeyboardEvent): void => dismissOnEscape(event, view);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  };
  const body = (
    <div
      ref={takeFocus}
      class={mode === 'slideout' ? 'card slide' : 'card'}
      role="dialog"
      aria-modal={modal ? 'true' : undefined}
      tabIndex={-1}
      {...labelProps(view)}
      onKeyDown={modal ? undefined : (event) => dismissOnEscape(event, view)}
    >
      <StepCard view={view} />
    </div>
  );
  return mode === 'slideout' ? body : <div class="back">{body}</div>;
}
