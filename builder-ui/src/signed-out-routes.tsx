import type { MeResponse } from '@waymark/shared';
import type { FunctionComponent } from 'preact';
import type { ApiClient } from './api';
import { lazyPage, type LazyPage } from './lazy-page';

export interface SignedOutPageProps {
  api: ApiClient;
  onSignedIn: (me: MeResponse) => void;
}

/** Each page is its own chunk, so signed-in people never download these. */
const page = (load: () => Promise<FunctionComponent<SignedOutPageProps>>) => lazyPage(load);

const LoginPage = page(() => import('./pages/account/login-page').then((m) => m.LoginPage));

/** Pages for someone not signed in; any other path shows the sign-in page and stays put. */
const pages: Readonly<Record<string, LazyPage<SignedOutPageProps>>> = {
  '/signup': page(() => import('./pages/account/signup-page').then((m) => m.SignupPage)),
  '/forgot-password': page(() =>
    import('./pages/account/forgot-password-page').then((m) => m.ForgotPasswordPage),
  ),
  '/reset-password': page(() =>
    import('./pages/account/reset-password-page').then((m) => m.ResetPasswordPage),
  ),
};

export const signedOutPage = (path: string): LazyPage<SignedOutPageProps> =>
  pages[path.replace(/\/+$/, '')] ?? LoginPage;
