import { HttpException } from '@nestjs/common';
import { AppError } from './app-error';

/** Fastify's own error codes for request problems, mapped to ours. */
const fastifyCodes: Record<string, AppError['code']> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
};

/**
 * PostgreSQL refusing text a client sent (schemas allow it, storage does not): 22021 is a NUL
 * character in a text value, 22P05 a NUL in jsonb, 22P02 "for type json" an unpaired UTF-16
 * surrogate in jsonb. Bad input, not a bug.
 */
const postgresInputCodes = new Set(['22021', '22P05']);
const isPostgresInputError = (code: string, message: string): boolean =>
  postgresInputCodes.has(code) || (code === '22P02' && message.includes('type json'));

const httpStatusCodes: Record<number, AppError['code']> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'route_not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * Turns anything thrown while serving a request into an AppError. Client mistakes that other
 * layers report (Fastify's body parser, Nest's router) keep their 4xx; anything else is internal.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // Nest wraps Fastify's request errors in an HttpException whose cause is the original.
  if (error instanceof HttpException && error.cause) {
    const inner = toAppError(error.cause);
    if (inner.code !== 'internal') return inner;
  }
  if (error instanceof SyntaxError && 'body' in error) return new AppError('malformed_json');
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && isPostgresInputError(code, (error as Error).message ?? '')) {
    return new AppError(
      'validation_failed',
      'Text must not contain NUL characters or unpaired UTF-16 surrogates.',
    );
  }
  if (typeof code === 'string' && code in fastifyCodes) {
    const mapped = fastifyCodes[code]!;
    return new AppError(mapped, mapped === 'malformed_json' ? undefined : (error as Error).message);
  }
  if (error instanceof HttpException) {
    const mapped = httpStatusCodes[error.getStatus()];
    if (mapped) return new AppError(mapped);
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(httpStatusCodes[status] ?? 'validation_failed', (error as Error).message);
  }
  return new AppError('internal');
}
