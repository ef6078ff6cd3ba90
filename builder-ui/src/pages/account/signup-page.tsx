import { useState } from 'preact/hooks';
import { signUp } from '../../api/account';
import { InputField } from '../../components/input-field';
import { Link } from '../../components/link';
import { useTitle } from '../../components/use-title';
import { navigate } from '../../router';
import type { SignedOutPageProps } from '../../signed-out-routes';
import { NewPasswordField } from './account-fields';
import { AccountForm, useAccountForm } from './account-form';
import { AccountFrame, nextPath } from './account-frame';
import { emailProblem, passwordProblem, type FormErrors } from './use-form-errors';

const FIELDS = ['email', 'password', 'workspaceName'] as const;
type Field = (typeof FIELDS)[number];

/** Creates an account with its first workspace (owner) and signs in. */
export function SignupPage({ api, onSignedIn }: SignedOutPageProps) {
  useTitle('Create an account');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [workspaceName, setWorkspaceName] = useState('');
  const next = nextPath();
  const form = useAccountForm(FIELDS, {
    check: () => {
      const local: FormErrors<Field> = {};
      const emailError = emailProblem(email);
      const passwordError = passwordProblem(password);
      if (emailError) local.email = emailError;
      if (passwordError) local.password = passwordError;
      if (!workspaceName.trim()) local.workspaceName = 'Name your workspace, e.g. your company.';
      return local;
    },
    submit: async () => {
      const me = await signUp(api, {
        email: email.trim(),
        password,
        workspaceName: workspaceName.trim(),
      });
      navigate(next ?? '/content', { replace: true });
      onSignedIn(me);
    },
  });

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
      <AccountForm form={form} submitLabel="Create account" pendingLabel="Creating your account…">
        <InputField
          {...form.field('email')}
          label="Work email"
          type="email"
          value={email}
          autoComplete="email"
          onValue={setEmail}
        />
        <NewPasswordField
          {...form.field('password')}
          label="Password"
          value={password}
          onValue={setPassword}
        />
        <InputField
          {...form.field('workspaceName')}
          label="Workspace name"
          value={workspaceName}
          autoComplete="organization"
          placeholder="Acme Inc."
          onValue={setWorkspaceName}
        />
      </AccountForm>
    </AccountFrame>
  );
}
