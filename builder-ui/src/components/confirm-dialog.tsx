import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  /** A destructive action: the confirm button is red. */
  danger?: boolean;
  pending?: boolean;
  /** A failure of the confirmed action, shown in the dialog. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question (native `<dialog>`: focus moves in and stays, Esc cancels, focus returns to
 * what opened it). Cancel has the initial focus, so Enter never confirms by accident.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, danger, pending, error, onConfirm, onCancel } =
    props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      class="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <h2 id={titleId} class="confirm-title">
        {title}
      </h2>
      <div class="confirm-body">{children}</div>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      <div class="confirm-actions">
        <button type="button" class="button" autoFocus onClick={onCancel} disabled={pending}>
          Cancel
        </button>
        <button
          type="button"
          class={`button ${danger ? 'button-danger' : 'button-primary'}`}
          aria-disabled={pending}
          onClick={() => {
            if (!pending) onConfirm();
          }}
        >
          {pending ? 'Working…' : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
