import type { FastifyInstance } from 'fastify';

/**
 * /sdk/* is called from any customer origin: CORS open, no credentials (keys travel in headers).
 * The builder API sends no CORS headers at all, so browsers keep it same-origin.
 */
export function registerSdkCors(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/sdk/')) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('vary', 'origin');
    if (request.method === 'OPTIONS') {
      reply
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'content-type, x-waymark-key, if-none-match')
        .header('access-control-max-age', '86400');
      await reply.status(204).send();
    }
  });
}
