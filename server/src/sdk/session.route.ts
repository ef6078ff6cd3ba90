import { contract, toFieldIssues, type SessionRequest } from '@waymark/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { resolveSdkKey } from '../workspaces/key.guards';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import { etagMatches } from './etag';
import type { SdkService } from './sdk.service';

const schema = contract.sdkSession.body;

/** The body as the contract's schema parses it. */
function sessionRequestOf(body: unknown): SessionRequest {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new AppError('validation_failed', undefined, toFieldIssues(parsed.error));
  }
  return parsed.data as SessionRequest;
}

/**
 * `POST /sdk/v1/session`, the hot path, registered on Fastify directly rather than through a
 * Nest controller: per request, Nest's guard/pipe/handler pipeline cost about as much as the
 * decision itself. It does what the controller decorators did, in the same order — the SDK key
 * first (SdkKeyGuard's `resolveSdkKey`), then the body with the contract's schema — and errors
 * still reach the global ErrorFilter (`{code, message, details}`) through Nest's Fastify error
 * handler. CORS and security headers come from the app's Fastify hooks, as for every route.
 *
 * The answer is a SessionResponse as bytes assembled from memoised fragments. `If-None-Match`
 * with its etag (the `ETag` header, also the body's `etag`) gets 304 and no body.
 */
export function registerSessionRoute(
  fastify: FastifyInstance,
  workspaces: WorkspacesService,
  sdk: SdkService,
): void {
  const answer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    workspaceId: string,
  ): Promise<void> => {
    const { body, etag } = await sdk.session(workspaceId, sessionRequestOf(request.body));
    void reply.header('etag', `"${etag}"`).header('cache-control', 'no-store');
    if (etagMatches(request.headers['if-none-match'], etag)) {
      await reply.status(304).send();
      return;
    }
    await reply.header('content-type', 'application/json; charset=utf-8').send(body);
  };
  fastify.route({
    method: 'POST',
    url: contract.sdkSession.path,
    handler: (request, reply) => {
      const environment = resolveSdkKey(workspaces, request);
      return environment instanceof Promise
        ? environment.then((e) => answer(request, reply, e.workspaceId))
        : answer(request, reply, environment.workspaceId);
    },
  });
}
