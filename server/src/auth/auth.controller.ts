import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  contract,
  type LoginRequest,
  type MeResponse,
  type OkResponse,
  type PasswordResetConfirm,
  type PasswordResetRequest,
  type SignupRequest,
} from '@waymark/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodPipe } from '../common/zod.pipe';
import { AuthService, type SignedIn } from './auth.service';
import { PasswordResetService } from './password-reset.service';
import { withRetryAfter } from './rate-limiter';
import { CurrentSession, SESSION_COOKIE, SessionGuard, setSessionCookie } from './session.guard';

@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
  ) {}

  @Post('signup')
  async signup(
    @Body(new ZodPipe(contract.signup.body)) body: SignupRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const { token, signedIn } = await withRetryAfter(reply, () =>
      this.auth.signup(body, request.ip),
    );
    setSessionCookie(reply, token);
    return this.auth.me(signedIn);
  }

  @Post('login')
  @HttpCode(200)
  async login(
    @Body(new ZodPipe(contract.login.body)) body: LoginRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const { token, signedIn } = await withRetryAfter(reply, () =>
      this.auth.login(body.email, body.password, request.ip),
    );
    setSessionCookie(reply, token);
    return this.auth.me(signedIn);
  }

  @Post('logout')
  @HttpCode(200)
  @UseGuards(SessionGuard)
  async logout(
    @CurrentSession() signedIn: SignedIn,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OkResponse> {
    await this.auth.logout(signedIn.session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  }

  @Get('me')
  @UseGuards(SessionGuard)
  me(@CurrentSession() signedIn: SignedIn): Promise<MeResponse> {
    return this.auth.me(signedIn);
  }

  @Post('password-reset')
  @HttpCode(200)
  async requestReset(
    @Body(new ZodPipe(contract.passwordResetRequest.body)) body: PasswordResetRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OkResponse> {
    await withRetryAfter(reply, () => this.resets.request(body.email));
    return { ok: true };
  }

  @Post('password-reset/confirm')
  @HttpCode(200)
  async confirmReset(
    @Body(new ZodPipe(contract.passwordResetConfirm.body)) body: PasswordResetConfirm,
  ): Promise<OkResponse> {
    await this.resets.confirm(body.token, body.password);
    return { ok: true };
  }
}
