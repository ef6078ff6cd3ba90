import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { confirmPasswordReset } from '../../api/account';
import { InputField } from '../../components/input-field';
import { Link } from '../../components/link';
import { useTitle } from '../../components/use-title';
import type { SignedOutPageProps } from '../../signed-out-routes';
import { AccountFrame } from './account-frame';
import {
  hasErrors,
  passwordProblem,
  toFormErrors,
  useFormErrors,
  type FormErrors,
} from './use-form-errors';

const FIELDS = ['password', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

/** Sets a new password with the token from a reset link (`/reset-password?token=…`). */
export function ResetPasswordPage({ api }: SignedOutPageProps) {
  useTitle('Choose a new password');
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const [expired, setExpired] = useState(false);
  const { errors, setErrors, fail, refFor, alertRef } = useFormErrors(FIELDS);

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

  const onSubmit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const local: FormErrors<Field> = {};
    const problem = passwordProblem(password);
    if (problem) local.password = problem;
    else if (confirm !== password) local.confirm = 'The two passwords differ.';
    if (hasErrors(local)) return fail(local);
    setPending(true);
    setErrors({});
    try {
      await confirmPasswordReset(api, token, password);
      setDone(true);
    } catch (error) {
      setPending(false);
      if (error instanceof ApiError && error.code === 'invalid_token') setExpired(true);
      else fail(toFormErrors(error, FIELDS));
    }
  };

  return (
    <AccountFrame title="Choose a new password" footer={askAgain}>
      <form class="login-form" noValidate onSubmit={onSubmit}>
        {errors.form && (
          <div class="alert" role="alert" tabIndex={-1} ref={alertRef}>
            {errors.form}
          </div>
        )}
        <InputField
          id="password"
          label="New password"
          type="password"
          value={password}
          autoComplete="new-password"
          hint="At least 10 characters."
          error={errors.password}
          disabled={pending}
          inputRef={refFor('password')}
          onValue={setPassword}
        />
        <InputField
          id="confirm"
          label="Repeat the new password"
          type="password"
          value={confirm}
          autoComplete="new-password"
          error={errors.confirm}
          disabled={pending}
          inputRef={refFor('confirm')}
          onValue={setConfirm}
        />
        <button type="submit" class="button button-primary button-block" aria-disabled={pending}>
          {pending ? 'Saving…' : 'Set new password'}
        </button>
      </form>
    </AccountFrame>
  );
}
