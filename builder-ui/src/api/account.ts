import type { Member, MeResponse, SignupRequest } from '@waymark/shared';
import { workspacePath, type ApiClient } from '../api';

/** Creates the account and its first workspace, then reads `me` so writes carry the CSRF token. */
export async function signUp(api: ApiClient, body: SignupRequest): Promise<MeResponse> {
  await api.request<MeResponse>('POST', '/api/auth/signup', { body });
  return api.me();
}

/** Mails a reset link; answers the same whether or not the address has an account. */
export const requestPasswordReset = (api: ApiClient, email: string): Promise<unknown> =>
  api.request('POST', '/api/auth/password-reset', { body: { email } });

export const confirmPasswordReset = (
  api: ApiClient,
  token: string,
  password: string,
): Promise<unknown> =>
  api.request('POST', '/api/auth/password-reset/confirm', { body: { token, password } });

export const acceptInvitation = (
  api: ApiClient,
  workspaceId: string,
  token: string,
): Promise<Member> =>
  api.request<Member>('POST', workspacePath(workspaceId, '/invitations/accept'), {
    body: { token },
  });
