import type { SignedOutPageProps } from '../../signed-out-routes';

/** Placeholder until this page is built. */
export function ForgotPasswordPage(_props: SignedOutPageProps) {
  return <h1>ForgotPasswordPage</h1>;
}
