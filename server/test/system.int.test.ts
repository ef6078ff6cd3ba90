import { contract, type ErrorBody } from '@waymark/shared';
import { call } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('health and readiness', () => {
  it('answers /health and /ready with the database and migrations checked', async () => {
    expect((await call(`${app.url}/health`)).body).toEqual({ status: 'ok' });
    const ready = await call(`${app.url}/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: true, migrations: true });
  });
});

describe('the error model', () => {
  it('answers an unknown API route with route_not_found', async () => {
    const answer = await call<ErrorBody>(`${app.url}/api/nothing-here`);
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('route_not_found');
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    const answer = await call<ErrorBody>(`${app.url}/api/auth/login`, {
      method: 'POST',
      raw: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: 'malformed_json', message: expect.any(String) });
  });

  it('answers an oversized body with 413 and an unsupported type with 415', async () => {
    const big = await call<ErrorBody>(`${app.url}/api/auth/login`, {
      method: 'POST',
      raw: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(600_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect([big.status, big.body.code]).toEqual([413, 'payload_too_large']);
    const xml = await call<ErrorBody>(`${app.url}/api/auth/login`, {
      method: 'POST',
      raw: '<login/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect([xml.status, xml.body.code]).toEqual([415, 'unsupported_media_type']);
  });

  it('lists each invalid field with its path', async () => {
    const answer = await call<ErrorBody>(`${app.url}/api/auth/login`, {
      body: { email: 'not-an-email', password: '' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation_failed');
    const paths = (answer.body.details as Array<{ path: string }>).map((d) => d.path).sort();
    expect(paths).toEqual(['email', 'password']);
  });
});

describe('the OpenAPI document', () => {
  it('describes every route of the contract with its method', async () => {
    const answer = await call<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      `${app.url}/api/openapi.json`,
    );
    expect(answer.body.openapi).toBe('3.1.0');
    for (const route of Object.values(contract)) {
      expect(answer.body.paths[route.path]?.[route.method.toLowerCase()]).toBeDefined();
    }
  });

  it('serves a readable docs page under the strict CSP', async () => {
    const response = await fetch(`${app.url}/api/docs`);
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('/sdk/v1/session');
    expect(html).not.toMatch(/<script/);
  });
});
