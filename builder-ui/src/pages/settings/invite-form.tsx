import type { InvitationCreated, Role } from '@waymark/shared';
import type { TargetedSubmitEvent } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { createInvitation } from '../../api/settings';
import { InputField } from '../../components/input-field';
import { useWorkspace } from '../../workspace-context';
import { emailProblem, toFormErrors, type FormErrors } from '../account/use-form-errors';
import { ROLE_LABELS, ROLES } from './roles';

const FIELDS = ['email', 'role'] as const;

/** Invites an email address with a role; the created link goes to `onInvited`. */
export function InviteForm({ onInvited }: { onInvited: (created: InvitationCreated) => void }) {
  const { api, workspace } = useWorkspace();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FormErrors<(typeof FIELDS)[number]>>({});
  const input = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const problem = emailProblem(email);
    if (problem) {
      setErrors({ email: problem });
      input.current?.focus();
      return;
    }
    setPending(true);
    setErrors({});
    try {
      onInvited(await createInvitation(api, workspace.id, { email: email.trim(), role }));
      setEmail('');
    } catch (error) {
      setErrors(toFormErrors(error, FIELDS));
      input.current?.focus();
    } finally {
      setPending(false);
    }
  };

  return (
    <form class="inline-form" noValidate onSubmit={onSubmit} aria-label="Invite someone">
      {errors.form && (
        <p class="alert inline-form-alert" role="alert">
          {errors.form}
        </p>
      )}
      <InputField
        id="invite-email"
        label="Email address"
        type="email"
        value={email}
        onValue={setEmail}
        placeholder="name@company.com"
        error={errors.email}
        disabled={pending}
        inputRef={input}
      />
      <div class="field">
        <label for="invite-role">Role</label>
        <select
          id="invite-role"
          class="select"
          value={role}
          disabled={pending}
          onChange={(event) => setRole(event.currentTarget.value as Role)}
        >
          {ROLES.map((item) => (
            <option key={item} value={item}>
              {ROLE_LABELS[item]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button-primary" aria-disabled={pending}>
        {pending ? 'Inviting…' : 'Send invitation'}
      </button>
    </form>
  );
}
