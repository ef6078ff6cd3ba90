import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  createParamDecorator,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../common/app-error';
import { AuthService, SESSION_TTL_MS, type SignedIn } from './auth.service';

export const SESSION_COOKIE = 'wm_session';

export type AuthedRequest = FastifyRequest & { signedIn?: SignedIn };

/** The session cookie: HttpOnly, SameSite=Lax, Secure behind HTTPS. */
export function setSessionCookie(reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: reply.request.protocol === 'https',
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

const safeEqual = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Builder routes: a valid session cookie, and on every state-changing request the session's CSRF
 * token in `x-csrf-token` (double submit bound to the session; cookies are also SameSite=Lax).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    // Already checked for this request (a class guard and RequireRole on the handler).
    if (request.signedIn) return true;
    const token = request.cookies[SESSION_COOKIE];
    const signedIn = token ? await this.auth.resolve(token) : null;
    if (!signedIn) throw new AppError('unauthenticated');
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, signedIn.session.csrfToken)) {
        throw new AppError('csrf_failed');
      }
    }
    request.signedIn = signedIn;
    return true;
  }
}

/** The signed-in account and session, set by SessionGuard. */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const signedIn = context.switchToHttp().getRequest<AuthedRequest>().signedIn;
  if (!signedIn) throw new AppError('unauthenticated');
  return signedIn;
});
