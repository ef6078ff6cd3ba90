import type { FastifyInstance } from 'fastify';
import { securityHeaders } from '../static/security-headers';

/**
 * /sdk/* is called from any customer origin: CORS open, no credentials (keys travel in headers).
 * The builder API sends no CORS headers at all, so browsers keep it same-origin.
 */
const sdkHeaders: Record<string, string> = {
  ...securityHeaders,
  'access-control-allow-origin': '*',
  vary: 'origin',
};
const preflightHeaders: Record<string, string> = {
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, x-waymark-key, if-none-match',
  'access-control-max-age': '86400',
};

/**
 * Every answer's own headers, in one `onRequest` hook with the header sets made once: the
 * security headers everywhere, CORS on /sdk/* (a preflight answered here, 204). A callback
 * hook, not an async one: it runs on every request, the SDK session's included, and an async
 * hook costs a promise and a microtask turn each time.
 */
export function registerResponseHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.url.startsWith('/sdk/')) {
      reply.headers(securityHeaders);
      done();
      return;
    }
    reply.headers(sdkHeaders);
    if (request.method !== 'OPTIONS') {
      done();
      return;
    }
    // Answered here: Fastify runs no further hook once a hook has sent the reply.
    void reply.headers(preflightHeaders).status(204).send();
  });
}
