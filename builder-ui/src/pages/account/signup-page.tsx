import type { SignedOutPageProps } from '../../signed-out-routes';

/** Placeholder until this page is built. */
export function SignupPage(_props: SignedOutPageProps) {
  return <h1>SignupPage</h1>;
}
