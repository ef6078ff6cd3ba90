import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { requestPasswordReset } from '../../api/account';
import { InputField } from '../../components/input-field';
import { Link } from '../../components/link';
import { useTitle } from '../../components/use-title';
import type { SignedOutPageProps } from '../../signed-out-routes';
import { AccountFrame } from './account-frame';
import { emailProblem, toFormErrors, useFormErrors } from './use-form-errors';

const FIELDS = ['email'] as const;

/** Asks for a reset link; the answer never says whether the address has an account. */
export function ForgotPasswordPage({ api }: SignedOutPageProps) {
  useTitle('Reset your password');
  const [email, setEmail] = useState('');
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { errors, setErrors, fail, refFor, alertRef } = useFormErrors(FIELDS);

  const onSubmit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const problem = emailProblem(email);
    if (problem) return fail({ email: problem });
    setPending(true);
    setErrors({});
    try {
      await requestPasswordReset(api, email.trim());
      setSentTo(email.trim());
    } catch (error) {
      fail(toFormErrors(error, FIELDS));
    } finally {
      setPending(false);
    }
  };

  const footer = (
    <p>
      Remembered it? <Link href="/">Back to sign in</Link>
    </p>
  );

  if (sentTo) {
    return (
      <AccountFrame title="Check your email" footer={footer}>
        <div class="account-notice" role="status">
          <p>
            If <strong>{sentTo}</strong> has a Waymark account, a link to choose a new password is
            on its way. It works once, for one hour.
          </p>
          <p class="muted">
            No mail server configured? The link is written to the Waymark server’s log.
          </p>
        </div>
        <button
          type="button"
          class="button button-block account-again"
          onClick={() => setSentTo(null)}
        >
          Send another link
        </button>
      </AccountFrame>
    );
  }

  return (
    <AccountFrame
      title="Reset your password"
      lede="Enter the email you sign in with and we will send you a link to choose a new password."
      footer={footer}
    >
      <form class="login-form" noValidate onSubmit={onSubmit}>
        {errors.form && (
          <div class="alert" role="alert" tabIndex={-1} ref={alertRef}>
            {errors.form}
          </div>
        )}
        <InputField
          id="email"
          label="Email"
          type="email"
          value={email}
          autoComplete="username"
          error={errors.email}
          disabled={pending}
          inputRef={refFor('email')}
          onValue={setEmail}
        />
        <button type="submit" class="button button-primary button-block" aria-disabled={pending}>
          {pending ? 'Sending…' : 'Send reset link'}
        </button>
      </form>
    </AccountFrame>
  );
}
