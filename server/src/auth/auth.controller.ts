import { Body, Controller, Get, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { contract, type LoginRequest, type MeResponse } from '@waymark/shared';
import type { FastifyReply } from 'fastify';
import { ZodPipe } from '../common/zod.pipe';
import { AuthService, SESSION_TTL_MS, type SignedIn } from './auth.service';
import { CurrentSession, SESSION_COOKIE, SessionGuard } from './session.guard';

@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  async login(
    @Body(new ZodPipe(contract.login.body)) body: LoginRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const { token, signedIn } = await this.auth.login(body.email, body.password);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: reply.request.protocol === 'https',
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
    });
    return this.auth.me(signedIn);
  }

  @Post('logout')
  @HttpCode(200)
  @UseGuards(SessionGuard)
  async logout(
    @CurrentSession() signedIn: SignedIn,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ ok: true }> {
    await this.auth.logout(signedIn.session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  }

  @Get('me')
  @UseGuards(SessionGuard)
  me(@CurrentSession() signedIn: SignedIn): Promise<MeResponse> {
    return this.auth.me(signedIn);
  }
}
