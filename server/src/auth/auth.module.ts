import { Module, forwardRef } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { Account } from './account.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthSession } from './auth-session.entity';
import { mailTransportProvider, MAIL_TRANSPORT } from './mail-transport';
import { PasswordResetService } from './password-reset.service';
import { PasswordReset } from './password-reset.entity';
import { RateLimiter } from './rate-limiter';
import { SessionGuard } from './session.guard';

/**
 * Identity: accounts, scrypt passwords, sessions (cookie + CSRF), sign-up, password reset, login
 * rate limits, and the mail transport. Exports SessionGuard, RateLimiter and MAIL_TRANSPORT.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Account, AuthSession, PasswordReset]),
    forwardRef(() => WorkspacesModule),
  ],
  controllers: [AuthController],
  providers: [AuthService, SessionGuard, PasswordResetService, RateLimiter, mailTransportProvider],
  exports: [AuthService, SessionGuard, RateLimiter, MAIL_TRANSPORT],
})
export class AuthModule {}
