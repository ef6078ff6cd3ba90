const FOCUSABLE =
  'a[href],button:enabled,input:enabled,textarea,select,[tabindex]:not([tabindex="-1"])';

/** `document.activeElement`, looking into open shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Nothing in particular has focus. */
const idle = (el: Element | null): boolean => !el || el === document.body;

/** Keeps Tab and Shift+Tab inside `container` (blocking surfaces). */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const list = container.querySelectorAll<HTMLElement>(FOCUSABLE);
  const edge = list[event.shiftKey ? 0 : list.length - 1];
  const active = deepActive();
  if (!edge || active === edge || active === container || !container.contains(active)) {
    event.preventDefault();
    list[event.shiftKey ? list.length - 1 : 0]?.focus();
  }
}

/**
 * Makes `card` an active surface until the returned cleanup runs: Esc calls `onEscape`; when
 * `blocking`, Esc is caught anywhere on the page and Tab stays inside. Focus moves in when
 * `blocking`, when nothing has focus, or when it is already in the widget (the previous step),
 * never away from what the user is doing on the page; afterwards it goes back where it was.
 */
export function engage(card: HTMLElement, blocking: boolean, onEscape: () => void): () => void {
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onEscape();
    } else if (blocking) trapTab(event, card);
  };
  const target: GlobalEventHandlers = blocking ? document : card;
  target.addEventListener('keydown', onKey, true);
  const previous = deepActive();
  const ours =
    previous?.closest('[data-waymark]') || previous?.getRootNode() === card.getRootNode();
  let on = true;
  // After the frame that first shows the card (a task queued in its animation frame runs after
  // it paints): focusing needs style and layout at once, which the first frame does anyway.
  if (blocking || idle(previous) || ours)
    requestAnimationFrame(() => setTimeout(() => on && card.focus({ preventScroll: true })));
  return () => {
    on = false;
    target.removeEventListener('keydown', onKey, true);
    const now = deepActive();
    if (
      !ours &&
      previous instanceof HTMLElement &&
      previous.isConnected &&
      (idle(now) || card.contains(now))
    ) {
      previous.focus({ preventScroll: true });
    }
  };
}
