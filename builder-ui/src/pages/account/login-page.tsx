import type { MeResponse } from '@waymark/shared';
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, describeError, type ApiClient } from '../../api';
import { Link } from '../../components/link';
import { TextField } from '../../components/text-field';
import { useTitle } from '../../components/use-title';
import { AccountFrame, hereWithQuery } from './account-frame';

type Field = 'email' | 'password';

interface LoginErrors {
  form?: string;
  email?: string;
  password?: string;
}

const FIELDS: readonly Field[] = ['email', 'password'];

/** Checks what the browser can check, so an empty form never costs a round trip. */
function checkLocally(email: string, password: string): LoginErrors {
  const errors: LoginErrors = {};
  if (!email.trim()) errors.email = 'Enter your email address.';
  else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errors.email = 'Enter a valid email address.';
  if (!password) errors.password = 'Enter your password.';
  return errors;
}

/** Puts each server field issue next to its field; anything else goes in the form message. */
function toLoginErrors(error: unknown): LoginErrors {
  const errors: LoginErrors = {};
  if (error instanceof ApiError && error.fieldIssues.length > 0) {
    for (const issue of error.fieldIssues) {
      const field = FIELDS.find((name) => issue.path === name || issue.path.endsWith(`.${name}`));
      if (field && !errors[field]) errors[field] = issue.message;
      else if (!field) errors.form = issue.message;
    }
    return errors;
  }
  errors.form = describeError(error);
  return errors;
}

const hasErrors = (errors: LoginErrors) => Object.keys(errors).length > 0;

interface LoginPageProps {
  api: ApiClient;
  onSignedIn: (me: MeResponse) => void;
}

export function LoginPage({ api, onSignedIn }: LoginPageProps) {
  useTitle('Sign in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<LoginErrors>({});
  const [attempt, setAttempt] = useState(0);
  const refs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const alertRef = useRef<HTMLDivElement>(null);

  // After a failed attempt, take keyboard users to the first thing they need to fix.
  useEffect(() => {
    if (attempt === 0) return;
    const field = FIELDS.find((name) => errors[name]);
    if (field) refs[field].current?.focus();
    else if (errors.form) alertRef.current?.focus();
  }, [attempt]); // refs are stable; errors belong to the same attempt

  const fail = (next: LoginErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  const onSubmit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const local = checkLocally(email, password);
    if (hasErrors(local)) return fail(local);
    setPending(true);
    setErrors({});
    try {
      onSignedIn(await api.login({ email: email.trim(), password }));
    } catch (error) {
      setPending(false);
      fail(toLoginErrors(error));
    }
  };

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
      <form class="login-form" noValidate onSubmit={onSubmit}>
        {errors.form && (
          <div class="alert" role="alert" tabIndex={-1} ref={alertRef}>
            {errors.form}
          </div>
        )}
        <TextField
          id="email"
          label="Email"
          type="email"
          value={email}
          autoComplete="username"
          error={errors.email}
          disabled={pending}
          inputRef={refs.email}
          onValue={setEmail}
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          value={password}
          autoComplete="current-password"
          error={errors.password}
          disabled={pending}
          inputRef={refs.password}
          onValue={setPassword}
        />
        <p class="account-forgot">
          <Link href="/forgot-password">Forgot your password?</Link>
        </p>
        <button type="submit" class="button button-primary button-block" aria-disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AccountFrame>
  );
}
