import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { createWorkspace } from '../api/settings';
import { InputField } from '../components/input-field';
import { toFormErrors, type FormErrors } from '../pages/account/use-form-errors';
import { useWorkspace } from '../workspace-context';

interface CreateWorkspaceDialogProps {
  open: boolean;
  onClose: () => void;
}

/** Names a new workspace, creates it (the caller owns it) and switches to it. */
export function CreateWorkspaceDialog({ open, onClose }: CreateWorkspaceDialogProps) {
  const { api, refreshMe, switchWorkspace } = useWorkspace();
  const ref = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'name'>>({});

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setName('');
      setErrors({});
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const onSubmit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (!name.trim()) {
      setErrors({ name: 'Enter a name for the workspace.' });
      input.current?.focus();
      return;
    }
    setPending(true);
    try {
      const created = await createWorkspace(api, name.trim());
      await refreshMe();
      switchWorkspace(created.id);
      onClose();
    } catch (error) {
      setErrors(toFormErrors(error, ['name'] as const));
      input.current?.focus();
    } finally {
      setPending(false);
    }
  };

  return (
    <dialog
      ref={ref}
      class="confirm-dialog"
      aria-labelledby="create-workspace-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onClose();
      }}
    >
      <form noValidate onSubmit={onSubmit}>
        <h2 id="create-workspace-title" class="confirm-title">
          Create a workspace
        </h2>
        <div class="confirm-body">
          <p class="muted">
            A separate space for another product or team: its own content, users, keys and members.
            You will be its owner.
          </p>
          {errors.form && (
            <p class="alert" role="alert">
              {errors.form}
            </p>
          )}
          <InputField
            id="new-workspace-name"
            label="Workspace name"
            value={name}
            onValue={setName}
            error={errors.name}
            disabled={pending}
            inputRef={input}
          />
        </div>
        <div class="confirm-actions">
          <button type="button" class="button" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <button type="submit" class="button button-primary" aria-disabled={pending}>
            {pending ? 'Creating…' : 'Create workspace'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
