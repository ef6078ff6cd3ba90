import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { AppError } from './app-error';
import { toAppError } from './to-app-error';

const fastifyError = (code: string, statusCode: number): Error =>
  Object.assign(new Error(code), { code, statusCode });

describe('toAppError', () => {
  it('keeps an AppError as it is', () => {
    const error = new AppError('conflict', 'Taken', { field: 'email' });
    expect(toAppError(error)).toBe(error);
  });

  it.each([
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'malformed_json', 400],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'payload_too_large', 413],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'unsupported_media_type', 415],
  ])(
    'maps Fastify %s, also when Nest wraps it, to %s',
    (code, status, expected, expectedStatus) => {
      const raw = fastifyError(code, status);
      const wrapped = new HttpException(raw.message, status, { cause: raw });
      for (const error of [raw, wrapped]) {
        expect(toAppError(error).code).toBe(expected);
        expect(toAppError(error).status).toBe(expectedStatus);
      }
    },
  );

  it.each([
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22P05', 'unsupported Unicode escape sequence'],
    ['22P02', 'invalid input syntax for type json'],
  ])('maps PostgreSQL %s (%s: text it cannot store) to validation_failed', (code, message) => {
    const error = Object.assign(new Error(message), { code });
    expect([toAppError(error).code, toAppError(error).status]).toEqual(['validation_failed', 400]);
  });

  it('keeps other invalid text representations (a server bug) internal', () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "x"'), {
      code: '22P02',
    });
    expect(toAppError(error).code).toBe('internal');
  });

  it('maps Nest route misses to route_not_found and other 4xx by status', () => {
    expect(toAppError(new NotFoundException()).code).toBe('route_not_found');
    expect(toAppError(new BadRequestException()).code).toBe('validation_failed');
  });

  it('hides anything unexpected behind internal (500) without leaking its message', () => {
    const error = toAppError(new Error('connection string postgres://secret'));
    expect(error.code).toBe('internal');
    expect(error.status).toBe(500);
    expect(error.message).not.toContain('secret');
  });
});
