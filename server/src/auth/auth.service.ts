import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MeResponse } from '@waymark/shared';
import { MoreThan, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { randomToken, sha256 } from '../common/tokens';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { Account } from './account.entity';
import { AuthSession } from './auth-session.entity';
import { dummyHash, verifyPassword } from './password';

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

export interface SignedIn {
  account: Account;
  session: AuthSession;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>,
    private readonly workspaces: WorkspacesService,
  ) {}

  /** Checks the password and opens a session; returns the raw token for the cookie. */
  async login(email: string, password: string): Promise<{ token: string; signedIn: SignedIn }> {
    const account = await this.accounts
      .createQueryBuilder('a')
      .where('lower(a.email) = lower(:email)', { email })
      .getOne();
    const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyHash));
    if (!account || !ok) throw new AppError('invalid_credentials');
    const token = randomToken('', 32);
    const session = await this.sessions.save(
      this.sessions.create({
        tokenHash: sha256(token),
        accountId: account.id,
        csrfToken: randomToken('', 24),
        expiresAt: new Date(Date.now() + SESSION_TTL_MS),
      }),
    );
    return { token, signedIn: { account, session } };
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
}
