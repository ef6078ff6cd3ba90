import { useState } from 'preact/hooks';
import { requestPasswordReset } from '../../api/account';
import { Link } from '../../components/link';
import { useTitle } from '../../components/use-title';
import type { SignedOutPageProps } from '../../signed-out-routes';
import { SignInEmailField } from './account-fields';
import { AccountForm, useAccountForm } from './account-form';
import { AccountFrame } from './account-frame';
import { emailProblem } from './use-form-errors';

const FIELDS = ['email'] as const;

/** Asks for a reset link; the answer never says whether the address has an account. */
export function ForgotPasswordPage({ api }: SignedOutPageProps) {
  useTitle('Reset your password');
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useAccountForm(FIELDS, {
    check: () => {
      const problem = emailProblem(email);
      return problem ? { email: problem } : {};
    },
    submit: async () => {
      await requestPasswordReset(api, email.trim());
      setSentTo(email.trim());
    },
  });

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
            No mail server configured? The link is written to the Waymark server’s log and to{' '}
            <code>outbox.jsonl</code> in its data directory.
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
      <AccountForm form={form} submitLabel="Send reset link" pendingLabel="Sending…">
        <SignInEmailField {...form.field('email')} value={email} onValue={setEmail} />
      </AccountForm>
    </AccountFrame>
  );
}
