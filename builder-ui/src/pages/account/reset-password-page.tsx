import type { SignedOutPageProps } from '../../signed-out-routes';

/** Placeholder until this page is built. */
export function ResetPasswordPage(_props: SignedOutPageProps) {
  return <h1>ResetPasswordPage</h1>;
}
