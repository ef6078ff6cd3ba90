import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { confirmPasswordReset } from '../../api/account';
import { InputField } from '../../components/input-field';
import { Link } from '../../components/link';
import { useTitle } from '../../components/use-title';
import type { SignedOutPageProps } from '../../signed-out-routes';
import { NewPasswordField } from './account-fields';
import { AccountForm, useAccountForm } from './account-form';
import { AccountFrame } from './account-frame';
import { passwordProblem, type FormErrors } from './use-form-errors';

const FIELDS = ['password', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

/** Sets a new password with the token from a reset link (`/reset-password?token=…`). */
export function ResetPasswordPage({ api }: SignedOutPageProps) {
  useTitle('Choose a new password');
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const [expired, setExpired] = useState(false);
  const form = useAccountForm(FIELDS, {
    check: () => {
      const local: FormErrors<Field> = {};
      const problem = passwordProblem(password);
      if (problem) local.password = problem;
      else if (confirm !== password) local.confirm = 'The two passwords differ.';
      return local;
    },
    submit: async () => {
      await confirmPasswordReset(api, token, password);
      setDone(true);
    },
    handleError: (error) => {
      const invalid = error instanceof ApiError && error.code === 'invalid_token';
      if (invalid) setExpired(true);
      return invalid;
    },
  });

  const askAgain = (
    <p>
      <Link href="/forgot-password">Request a new link</Link> · <Link href="/">Sign in</Link>
    </p>
  );

  if (!token || expired) {
    return (
      <AccountFrame title="This reset link does not work" footer={askAgain}>
        <p class="account-notice" role="alert">
          {token
            ? 'The link is invalid, was already used, or has expired (links last one hour).'
            : 'The link is missing its token. Open the link from the email again, or request a new one.'}
        </p>
      </AccountFrame>
    );
  }

  if (done) {
    return (
      <AccountFrame title="Password changed">
        <p class="account-notice" role="status">
          Your password was changed and every session of your account was signed out.
        </p>
        <Link href="/" class="button button-primary button-block account-again">
          Sign in
        </Link>
      </AccountFrame>
    );
  }

  return (
    <AccountFrame title="Choose a new password" footer={askAgain}>
      <AccountForm form={form} submitLabel="Set new password" pendingLabel="Saving…">
        <NewPasswordField
          {...form.field('password')}
          label="New password"
          value={password}
          onValue={setPassword}
        />
        <InputField
          {...form.field('confirm')}
          label="Repeat the new password"
          type="password"
          value={confirm}
          autoComplete="new-password"
          onValue={setConfirm}
        />
      </AccountForm>
    </AccountFrame>
  );
}
