import type {
  ContentSummary,
  ErrorCode,
  FieldIssue,
  LoginRequest,
  MeResponse,
} from '@waymark/shared';

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

export interface ApiClient {
  login(body: LoginRequest): Promise<MeResponse>;
  me(): Promise<MeResponse>;
  logout(): Promise<void>;
  listContent(workspaceId: string, signal?: AbortSignal): Promise<ContentSummary[]>;
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

  async function request<T>(method: 'GET' | 'POST', path: string, options: RequestOptions = {}) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (options.body !== undefined) init.body = JSON.stringify(options.body);
    if (options.signal) init.signal = options.signal;

    let response: Response;
    try {
      response = await fetchImpl(path, init);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError('network_failed', 'Could not reach the Waymark server.', 0);
    }
    if (!response.ok) throw await toApiError(response);
    return (await readJson(response)) as T;
  }

  const remember = (me: MeResponse): MeResponse => {
    csrfToken = me.csrfToken;
    return me;
  };

  return {
    login: async (body) => remember(await request<MeResponse>('POST', '/api/auth/login', { body })),
    me: async () => remember(await request<MeResponse>('GET', '/api/auth/me')),
    logout: async () => {
      await request<unknown>('POST', '/api/auth/logout');
      csrfToken = undefined;
    },
    listContent: async (workspaceId, signal) => {
      const path = `/api/workspaces/${encodeURIComponent(workspaceId)}/content`;
      const list = await request<{ data: ContentSummary[] }>('GET', path, signal ? { signal } : {});
      return list.data;
    },
  };
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

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
