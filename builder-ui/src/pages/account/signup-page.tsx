import type { TargetedSubmitEvent } from 'preact';
import { useState } from 'preact/hooks';
import { signUp } from '../../api/account';
import { InputField } from '../../components/input-field';
import { Link } from '../../components/link';
import { useTitle } from '../../components/use-title';
import { navigate } from '../../router';
import type { SignedOutPageProps } from '../../signed-out-routes';
import { AccountFrame, nextPath } from './account-frame';
import {
  emailProblem,
  hasErrors,
  passwordProblem,
  toFormErrors,
  useFormErrors,
  type FormErrors,
} from './use-form-errors';

const FIELDS = ['email', 'password', 'workspaceName'] as const;
type Field = (typeof FIELDS)[number];

/** Creates an account with its first workspace (owner) and signs in. */
export function SignupPage({ api, onSignedIn }: SignedOutPageProps) {
  useTitle('Create an account');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [workspaceName, setWorkspaceName] = useState('');
  const [pending, setPending] = useState(false);
  const { errors, setErrors, fail, refFor, alertRef } = useFormErrors(FIELDS);
  const next = nextPath();

  const onSubmit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const local: FormErrors<Field> = {};
    const emailError = emailProblem(email);
    const passwordError = passwordProblem(password);
    if (emailError) local.email = emailError;
    if (passwordError) local.password = passwordError;
    if (!workspaceName.trim()) local.workspaceName = 'Name your workspace, e.g. your company.';
    if (hasErrors(local)) return fail(local);
    setPending(true);
    setErrors({});
    try {
      const me = await signUp(api, {
        email: email.trim(),
        password,
        workspaceName: workspaceName.trim(),
      });
      navigate(next ?? '/content', { replace: true });
      onSignedIn(me);
    } catch (error) {
      setPending(false);
      fail(toFormErrors(error, FIELDS));
    }
  };

  return (
    <AccountFrame
      title="Create your Waymark account"
      lede="You become the owner of a new workspace with production and staging environments."
      footer={
        <p>
          Already have an account? <Link href={next ?? '/'}>Sign in</Link>
        </p>
      }
    >
      <form class="login-form" noValidate onSubmit={onSubmit}>
        {errors.form && (
          <div class="alert" role="alert" tabIndex={-1} ref={alertRef}>
            {errors.form}
          </div>
        )}
        <InputField
          id="email"
          label="Work email"
          type="email"
          value={email}
          autoComplete="email"
          error={errors.email}
          disabled={pending}
          inputRef={refFor('email')}
          onValue={setEmail}
        />
        <InputField
          id="password"
          label="Password"
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
          id="workspaceName"
          label="Workspace name"
          value={workspaceName}
          autoComplete="organization"
          placeholder="Acme Inc."
          error={errors.workspaceName}
          disabled={pending}
          inputRef={refFor('workspaceName')}
          onValue={setWorkspaceName}
        />
        <button type="submit" class="button button-primary button-block" aria-disabled={pending}>
          {pending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
    </AccountFrame>
  );
}
