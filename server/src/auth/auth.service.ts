import { Inject, Injectable, forwardRef } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MeResponse, SignupRequest } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { MoreThan, QueryFailedError, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { randomToken, sha256 } from '../common/tokens';
import type { Config } from '../config/config';
import { CONFIG } from '../config/config.module';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { Account } from './account.entity';
import { AuthSession } from './auth-session.entity';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { loginEmailKey, RateLimiter } from './rate-limiter';

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
/** Sign-ups per client IP per hour: enough for an office, too few for bulk account creation. */
const SIGNUPS_PER_IP_PER_HOUR = 30;

export interface SignedIn {
  account: Account;
  session: AuthSession;
}

const loginKeys = (email: string, ip: string) => ({
  email: loginEmailKey(email),
  ip: `login:ip:${ip}`,
});

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>,
    @Inject(forwardRef(() => WorkspacesService)) private readonly workspaces: WorkspacesService,
    private readonly limiter: RateLimiter,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /**
   * Checks the password and opens a session; returns the raw token for the cookie. Every attempt
   * counts against the email's and the IP's budget before the (deliberately slow) hash runs; a
   * success gives its hit back and clears the email's failures.
   */
  async login(
    email: string,
    password: string,
    ip: string,
  ): Promise<{ token: string; signedIn: SignedIn }> {
    const { perEmail, perIp, windowSeconds } = this.config.loginLimits;
    const keys = loginKeys(email, ip);
    await this.limiter.hit(
      { key: keys.email, max: perEmail, windowSeconds },
      { key: keys.ip, max: perIp, windowSeconds },
    );
    const account = await this.accounts
      .createQueryBuilder('a')
      .where('lower(a.email) = lower(:email)', { email })
      .getOne();
    const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyHash));
    if (!account || !ok) throw new AppError('invalid_credentials');
    await Promise.all([this.limiter.reset(keys.email), this.limiter.undo(keys.ip)]);
    return this.open(account);
  }

  /** Account, first workspace (owner) and its environments in one transaction; then signs in. */
  async signup(body: SignupRequest, ip: string): Promise<{ token: string; signedIn: SignedIn }> {
    await this.limiter.hit({
      key: `signup:ip:${ip}`,
      max: SIGNUPS_PER_IP_PER_HOUR,
      windowSeconds: 3600,
    });
    const account = this.accounts.create({
      id: randomUUID(),
      email: body.email,
      passwordHash: await hashPassword(body.password),
    });
    try {
      await this.accounts.manager.transaction(async (tx) => {
        await tx.getRepository(Account).insert(account);
        await this.workspaces.createWithOwner(tx, body.workspaceName ?? 'My workspace', account);
      });
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === '23505'
      ) {
        throw new AppError(
          'conflict',
          'An account with this email exists: sign in, or reset the password.',
        );
      }
      throw error;
    }
    return this.open(account);
  }

  async resolve(token: string): Promise<SignedIn | null> {
    const session = await this.sessions.findOneBy({
      tokenHash: sha256(token),
      expiresAt: MoreThan(new Date()),
    });
    if (!session) return null;
    const account = await this.accounts.findOneBy({ id: session.accountId });
    return account ? { account, session } : null;
  }

  async logout(session: AuthSession): Promise<void> {
    await this.sessions.delete({ tokenHash: session.tokenHash });
  }

  async me({ account, session }: SignedIn): Promise<MeResponse> {
    return {
      account: { id: account.id, email: account.email },
      workspaces: await this.workspaces.forAccount(account.id),
      csrfToken: session.csrfToken,
    };
  }

  /** A new session; only the token's hash is stored, the raw token goes into the cookie. */
  private async open(account: Account): Promise<{ token: string; signedIn: SignedIn }> {
    const token = randomToken('', 32);
    const session = this.sessions.create({
      tokenHash: sha256(token),
      accountId: account.id,
      csrfToken: randomToken('', 24),
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    });
    await this.sessions.insert(session);
    return { token, signedIn: { account, session } };
  }
}
