import { InputField } from '../../components/input-field';
import type { AccountFieldProps } from './account-form';

/** What a page gives an account input besides `form.field(name)`. */
interface AccountInputProps extends AccountFieldProps {
  value: string;
  onValue: (value: string) => void;
}

/** The address of an existing account ("username", so password managers fill it in). */
export function SignInEmailField(props: AccountInputProps) {
  return <InputField {...props} label="Email" type="email" autoComplete="username" />;
}

/**
 * A password being chosen: the browser may offer a generated one, and the hint states the rule
 * `passwordProblem` checks.
 */
export function NewPasswordField(props: AccountInputProps & { label: string }) {
  return (
    <InputField
      {...props}
      type="password"
      autoComplete="new-password"
      hint="At least 10 characters."
    />
  );
}
