import type { ErrorCode, FieldIssue, LoginRequest, MeResponse } from '@waymark/shared';

/** Codes the server sends, plus two for failures that never reached or came back from it. */
export type ApiErrorCode = ErrorCode | 'network_failed' | 'bad_response';

/** A failed API call: the server's `{code, message, details}`, or a network failure. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number,
    /** Per-field problems of a `validation_failed` answer; empty otherwise. */
    readonly fieldIssues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
}

export interface ApiClient {
  /**
   * Any builder API call: same-origin cookie, CSRF header on writes, `ApiError` on failure.
   * Domain helpers (`api/*.ts`) build on this; pages never call `fetch` themselves.
   */
  request<T>(method: Method, path: string, options?: RequestOptions): Promise<T>;
  /** A raw answer (CSV downloads, files): same headers and errors as `request`. */
  requestText(method: Method, path: string, options?: RequestOptions): Promise<string>;
  login(body: LoginRequest): Promise<MeResponse>;
  me(): Promise<MeResponse>;
  logout(): Promise<void>;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function toFieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (item): item is FieldIssue =>
      isRecord(item) && typeof item.path === 'string' && typeof item.message === 'string',
  );
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** Turns any non-2xx answer into an ApiError, trusting the body only as far as its shape. */
async function toApiError(response: Response): Promise<ApiError> {
  const body = await readJson(response);
  if (isRecord(body) && typeof body.code === 'string' && typeof body.message === 'string') {
    const code = body.code as ErrorCode;
    const issues = code === 'validation_failed' ? toFieldIssues(body.details) : [];
    return new ApiError(code, body.message, response.status, issues);
  }
  return new ApiError(
    'bad_response',
    `The server answered ${response.status} without an error body.`,
    response.status,
  );
}

/**
 * The builder's only door to the server. It sends the session cookie (same origin) and, on every
 * request that changes state, the CSRF token from the last `Me` answer.
 */
export function createApiClient(fetchImpl: Fetch = (input, init) => fetch(input, init)): ApiClient {
  let csrfToken: string | undefined;

  async function send(method: Method, path: string, options: RequestOptions, accept: string) {
    const headers: Record<string, string> = { accept };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (options.body !== undefined) init.body = JSON.stringify(options.body);
    if (options.signal) init.signal = options.signal;

    let response: Response;
    try {
      response = await fetchImpl(withQuery(path, options.query), init);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError('network_failed', 'Could not reach the Waymark server.', 0);
    }
    if (!response.ok) throw await toApiError(response);
    return response;
  }

  async function request<T>(method: Method, path: string, options: RequestOptions = {}) {
    const response = await send(method, path, options, 'application/json');
    return (await readJson(response)) as T;
  }

  const remember = (me: MeResponse): MeResponse => {
    csrfToken = me.csrfToken;
    return me;
  };

  return {
    request,
    requestText: async (method, path, options = {}) =>
      (await send(method, path, options, 'text/csv, text/plain, */*')).text(),
    login: async (body) => remember(await request<MeResponse>('POST', '/api/auth/login', { body })),
    me: async () => remember(await request<MeResponse>('GET', '/api/auth/me')),
    logout: async () => {
      await request<unknown>('POST', '/api/auth/logout');
      csrfToken = undefined;
    },
  };
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

/** `/api/workspaces/<id>` + rest: the prefix of every workspace route. */
export const workspacePath = (workspaceId: string, rest = ''): string =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}${rest}`;

/** The message a person should read for an error of any kind. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'network_failed') {
      return 'Could not reach the Waymark server. Check your connection and try again.';
    }
    return error.message;
  }
  return 'Something went wrong. Try again.';
}
