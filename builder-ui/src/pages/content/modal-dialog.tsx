import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface ModalDialogProps {
  /** Unique on the page: the title's id is `<id>-title`. */
  id: string;
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  wide?: boolean;
}

/**
 * A modal `<dialog>` (opened with showModal, so focus stays inside and Esc closes it). Render it
 * only while open; focus returns to what had it before.
 */
export function ModalDialog({ id, title, onClose, children, wide = false }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      id={id}
      class={`modal${wide ? ' modal-wide' : ''}`}
      aria-labelledby={`${id}-title`}
    >
      <div class="modal-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button type="button" class="button button-ghost button-small" onClick={onClose}>
          Close
        </button>
      </div>
      {children}
    </dialog>
  );
}

interface ConfirmDialogProps {
  id: string;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | undefined;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" with the consequence spelled out and the action named on its button. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { id, title, children, confirmLabel, danger = false, busy = false, error } = props;
  return (
    <ModalDialog id={id} title={title} onClose={props.onClose}>
      <div class="modal-body">{children}</div>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      <div class="modal-actions">
        <button type="button" class="button" onClick={props.onClose}>
          Cancel
        </button>
        <button
          type="button"
          class={`button ${danger ? 'button-danger' : 'button-primary'}`}
          disabled={busy}
          onClick={props.onConfirm}
        >
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
