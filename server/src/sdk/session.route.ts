import { contract, toFieldIssues, type SessionRequest } from '@waymark/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { resolveSdkKey } from '../workspaces/key.guards';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import { bytesIn, codingFor } from './answer-encoding';
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
 * The answer is a SessionResponse as bytes assembled from memoised fragments, sent compressed
 * (brotli, else gzip) to clients that accept it — browsers always do — with the compressed bytes
 * memoised next to the answer's. `If-None-Match` with its etag (the `ETag` header, also the
 * body's `etag`) gets 304 and no body. The etag names the answer, not its coding: identity bytes
 * carry it as a strong tag, compressed ones as a weak tag (RFC 9110 §8.8.1: a strong tag is
 * byte-exact for one representation; the codings are equivalent, not the same bytes). A match
 * is weak comparison (§13.1.2), so either form revalidates whatever the coding.
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
    const answer = await sdk.session(workspaceId, sessionRequestOf(request.body));
    const coding = codingFor(answer, request.headers['accept-encoding']);
    const vary = reply.getHeader('vary');
    void reply
      .header('etag', coding === 'identity' ? `"${answer.etag}"` : `W/"${answer.etag}"`)
      .header('cache-control', 'no-store')
      .header('vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding');
    if (etagMatches(request.headers['if-none-match'], answer.etag)) {
      await reply.status(304).send();
      return;
    }
    if (coding !== 'identity') void reply.header('content-encoding', coding);
    await reply
      .header('content-type', 'application/json; charset=utf-8')
      .send(bytesIn(answer, coding));
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
