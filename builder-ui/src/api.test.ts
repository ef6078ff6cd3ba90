import type { MeResponse } from '@waymark/shared';
import { ApiError, createApiClient, workspacePath } from './api';

const me: MeResponse = {
  account: { id: '5d8f3c52-8f8b-4c57-9c55-1f6a4c1f7a01', email: 'ada@example.com' },
  workspaces: [{ id: '0b7f5a0e-1c1f-4a4e-9a57-3f5d7d0c2b11', name: 'Acme', role: 'owner' }],
  csrfToken: 'token-1',
};

interface Call {
  input: string;
  init: RequestInit;
}

function fakeFetch(...responses: Response[]) {
  const calls: Call[] = [];
  const fetchImpl = async (input: string, init: RequestInit) => {
    calls.push({ input, init });
    const next = responses.shift();
    if (!next) throw new Error('no response queued');
    return next;
  };
  return { calls, fetchImpl };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createApiClient', () => {
  it('sends the CSRF token from the last Me answer on state-changing requests', async () => {
    const { calls, fetchImpl } = fakeFetch(json(200, me), json(200, { ok: true }));
    const api = createApiClient(fetchImpl);

    await api.me();
    await api.logout();

    expect(calls[0]?.init.headers).not.toHaveProperty('x-csrf-token');
    expect(calls[1]?.init.headers).toMatchObject({ 'x-csrf-token': 'token-1' });
    expect(calls[1]?.init.credentials).toBe('same-origin');
  });

  it('turns a validation_failed answer into field issues', async () => {
    const body = {
      code: 'validation_failed',
      message: 'The request did not match the expected shape.',
      details: [{ path: 'email', message: 'Invalid email address' }, { bogus: true }],
    };
    const { fetchImpl } = fakeFetch(json(400, body));
    const api = createApiClient(fetchImpl);

    const error = await api.login({ email: 'nope', password: 'x' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('validation_failed');
    expect((error as ApiError).fieldIssues).toEqual([
      { path: 'email', message: 'Invalid email address' },
    ]);
  });

  it('reports a network failure with its own code', async () => {
    const api = createApiClient(async () => {
      throw new TypeError('Failed to fetch');
    });

    const error = await api.me().catch((e: unknown) => e);

    expect((error as ApiError).code).toBe('network_failed');
  });

  it('adds query parameters, leaving out undefined ones', async () => {
    const { calls, fetchImpl } = fakeFetch(json(200, { data: [] }));
    const api = createApiClient(fetchImpl);

    await api.request('GET', workspacePath('ws 1', '/users'), {
      query: { search: 'a&b', limit: 20, cursor: undefined },
    });

    expect(calls[0]?.input).toBe('/api/workspaces/ws%201/users?search=a%26b&limit=20');
  });
});
