import type { MeResponse } from '@waymark/shared';
import { useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { InputField } from '../../components/input-field';
import { Link } from '../../components/link';
import { useTitle } from '../../components/use-title';
import { SignInEmailField } from './account-fields';
import { AccountForm, useAccountForm } from './account-form';
import { AccountFrame, hereWithQuery } from './account-frame';
import type { FormErrors } from './use-form-errors';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Checks what the browser can check, so an empty form never costs a round trip. Looser than
 * sign-up's email check: an existing account's address is whatever the server accepted then.
 */
function checkLocally(email: string, password: string): FormErrors<Field> {
  const errors: FormErrors<Field> = {};
  if (!email.trim()) errors.email = 'Enter your email address.';
  else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errors.email = 'Enter a valid email address.';
  if (!password) errors.password = 'Enter your password.';
  return errors;
}

interface LoginPageProps {
  api: ApiClient;
  onSignedIn: (me: MeResponse) => void;
}

export function LoginPage({ api, onSignedIn }: LoginPageProps) {
  useTitle('Sign in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useAccountForm(FIELDS, {
    check: () => checkLocally(email, password),
    submit: async () => onSignedIn(await api.login({ email: email.trim(), password })),
  });

  // A signed-out visitor following an invitation stays on its URL: after signing in (or up),
  // the invitation page shows.
  const inviting = window.location.pathname === '/invite';
  const signupHref = inviting ? `/signup?next=${encodeURIComponent(hereWithQuery())}` : '/signup';

  return (
    <AccountFrame
      title={inviting ? 'Sign in to accept your invitation' : 'Sign in to Waymark'}
      lede={
        inviting
          ? 'Use the email address the invitation was sent to.'
          : 'Build, target and measure in-app guidance.'
      }
      footer={
        <p>
          New to Waymark? <Link href={signupHref}>Create an account</Link>
        </p>
      }
    >
      <AccountForm form={form} submitLabel="Sign in" pendingLabel="Signing in…">
        <SignInEmailField {...form.field('email')} value={email} onValue={setEmail} />
        <InputField
          {...form.field('password')}
          label="Password"
          type="password"
          value={password}
          autoComplete="current-password"
          onValue={setPassword}
        />
        <p class="account-forgot">
          <Link href="/forgot-password">Forgot your password?</Link>
        </p>
      </AccountForm>
    </AccountFrame>
  );
}
