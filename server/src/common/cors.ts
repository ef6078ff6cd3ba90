import type { FastifyInstance } from 'fastify';

/**
 * /sdk/* is called from any customer origin: CORS open, no credentials (keys travel in headers).
 * The builder API sends no CORS headers at all, so browsers keep it same-origin.
 */
export function registerSdkCors(fastify: FastifyInstance): void {
  // A callback hook (no promise per request): it runs on every SDK call.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.url.startsWith('/sdk/')) {
      done();
      return;
    }
    reply.header('access-control-allow-origin', '*');
    reply.header('vary', 'origin');
    if (request.method !== 'OPTIONS') {
      done();
      return;
    }
    // Answered here: Fastify runs no further hook once a hook has sent the reply.
    void reply
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', 'content-type, x-waymark-key, if-none-match')
      .header('access-control-max-age', '86400')
      .status(204)
      .send();
  });
}
