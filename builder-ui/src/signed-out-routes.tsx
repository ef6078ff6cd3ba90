import type { MeResponse } from '@waymark/shared';
import type { FunctionComponent } from 'preact';
import type { ApiClient } from './api';
import { ForgotPasswordPage } from './pages/account/forgot-password-page';
import { LoginPage } from './pages/account/login-page';
import { ResetPasswordPage } from './pages/account/reset-password-page';
import { SignupPage } from './pages/account/signup-page';

export interface SignedOutPageProps {
  api: ApiClient;
  onSignedIn: (me: MeResponse) => void;
}

/** Pages for someone not signed in; any other path shows the sign-in page and stays put. */
const pages: Readonly<Record<string, FunctionComponent<SignedOutPageProps>>> = {
  '/signup': SignupPage,
  '/forgot-password': ForgotPasswordPage,
  '/reset-password': ResetPasswordPage,
};

export const signedOutPage = (path: string): FunctionComponent<SignedOutPageProps> =>
  pages[path.replace(/\/+$/, '')] ?? LoginPage;
