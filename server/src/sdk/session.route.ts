import { contract, toFieldIssues, type SessionRequest } from '@waymark/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { resolveSdkKey } from '../workspaces/key.guards';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import { bytesIn, codingFor } from './answer-encoding';
import { etagMatches } from './etag';
import type { SdkService } from './sdk.service';
import type { Assembled } from './session.answer';

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
 * decision itself. It does what the controller decorators did — the SDK key (SdkKeyGuard's
 * `resolveSdkKey`), then the body with the contract's schema; malformed JSON still answers
 * before a bad key — and errors still reach the global ErrorFilter (`{code, message, details}`)
 * through Nest's Fastify error handler. CORS and security headers come from the app's Fastify
 * hooks, as for every route. JSON bodies reach the handler as text: a request the session memo
 * (session.memo.ts) has answered before is neither parsed nor decided again.
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
  // Fastify's own JSON parser (prototype poisoning refused as everywhere else), run by the
  // handler on a body the session memo does not know. It calls back synchronously.
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const jsonParser = fastify.getDefaultJsonParser(
    onProtoPoisoning ?? 'error',
    onConstructorPoisoning ?? 'error',
  );
  const parseJson = (request: FastifyRequest, text: string): unknown => {
    let body: unknown;
    let failure: Error | null = null;
    jsonParser(request, text, (error, value) => {
      failure = error;
      body = value;
    });
    if (failure) throw failure;
    return body;
  };
  // Malformed JSON is answered before a bad key, as when Fastify parsed every body first.
  const keyFailure = (request: FastifyRequest, error: unknown): never => {
    if (typeof request.body === 'string') parseJson(request, request.body);
    throw error;
  };

  // Callbacks rather than async functions, and the reply is not awaited: a remembered answer
  // goes out in the same tick, with no promise on the way.
  const send = (request: FastifyRequest, reply: FastifyReply, answer: Assembled): undefined => {
    const coding = codingFor(answer, request.headers['accept-encoding']);
    const vary = reply.getHeader('vary');
    void reply
      .header('etag', coding === 'identity' ? `"${answer.etag}"` : `W/"${answer.etag}"`)
      .header('cache-control', 'no-store')
      .header('vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding');
    if (etagMatches(request.headers['if-none-match'], answer.etag)) {
      void reply.status(304).send();
      return undefined;
    }
    if (coding !== 'identity') void reply.header('content-encoding', coding);
    void reply
      .header('content-type', 'application/json; charset=utf-8')
      .send(bytesIn(answer, coding));
    return undefined;
  };
  const answer = (
    request: FastifyRequest,
    reply: FastifyReply,
    workspaceId: string,
  ): Promise<undefined> | undefined => {
    const raw = request.body;
    // JSON arrives as text (the parser below); text/plain bodies come parsed by the app's parser.
    const found =
      typeof raw === 'string'
        ? sdk.session(workspaceId, raw, (text) => sessionRequestOf(parseJson(request, text)))
        : sdk.session(workspaceId, JSON.stringify(raw) ?? '', () => sessionRequestOf(raw));
    return found instanceof Promise
      ? found.then((a) => send(request, reply, a))
      : send(request, reply, found);
  };

  // Its own plugin context, so that its JSON bodies reach the handler as text: the session memo
  // knows a request by its text, and a remembered one is not parsed again.
  void fastify.register((instance, _options, done) => {
    instance.removeContentTypeParser('application/json');
    instance.addContentTypeParser(
      'application/json',
      { parseAs: 'string' },
      (_request, body, parsed) => parsed(null, body),
    );
    instance.route({
      method: 'POST',
      url: contract.sdkSession.path,
      handler: (request, reply) => {
        let environment: ReturnType<typeof resolveSdkKey>;
        try {
          environment = resolveSdkKey(workspaces, request);
        } catch (error) {
          return keyFailure(request, error);
        }
        return environment instanceof Promise
          ? environment.then(
              (e) => answer(request, reply, e.workspaceId),
              (error: unknown) => keyFailure(request, error),
            )
          : answer(request, reply, environment.workspaceId);
      },
    });
    done();
  });
}
