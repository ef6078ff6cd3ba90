import Fastify, { type FastifyInstance } from 'fastify';
import { securityHeaders } from '../static/security-headers';
import { registerResponseHeaders } from './response-headers';

// A bare Fastify on a real port (Fastify's `inject` does not load under Jest here).
let app: FastifyInstance;
let base: string;
beforeAll(async () => {
  app = Fastify();
  registerResponseHeaders(app);
  app.post('/sdk/v1/session', () => ({ ok: true }));
  app.get('/api/things', () => ({ ok: true }));
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

const headersOf = (response: Response): Record<string, string> =>
  Object.fromEntries(response.headers.entries());

describe('registerResponseHeaders', () => {
  it('sends the security headers and open CORS on /sdk/*', async () => {
    const answer = await fetch(`${base}/sdk/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(answer.status).toBe(200);
    expect(headersOf(answer)).toMatchObject({
      ...securityHeaders,
      'access-control-allow-origin': '*',
      vary: 'origin',
    });
    expect(answer.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('answers an SDK preflight itself, 204, with the security headers too', async () => {
    const answer = await fetch(`${base}/sdk/v1/events`, {
      method: 'OPTIONS',
      headers: { origin: 'https://customer.example', 'access-control-request-method': 'POST' },
    });
    expect(answer.status).toBe(204);
    expect(headersOf(answer)).toMatchObject({
      ...securityHeaders,
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type, x-waymark-key, if-none-match',
      'access-control-max-age': '86400',
    });
  });

  it('keeps everything else same-origin: security headers, no CORS', async () => {
    const answer = await fetch(`${base}/api/things`);
    expect(answer.status).toBe(200);
    expect(headersOf(answer)).toMatchObject(securityHeaders);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('vary')).toBeNull();
  });
});
