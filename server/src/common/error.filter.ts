import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toAppError } from './to-app-error';

/** Renders every error as `{code, message, details}`; logs the unexpected ones with their stack. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}

export function sendError(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const error = toAppError(exception);
  if (error.status >= 500) request.log.error({ err: exception }, 'unhandled error');
  if (error.code === 'rate_limited' && !reply.getHeader('retry-after'))
    reply.header('retry-after', '1');
  void reply.status(error.status).type('application/json').send(error.toBody());
}
