import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { randomToken, sha256 } from '../common/tokens';
import { type Config, publicUrlOf } from '../config/config';
import { CONFIG } from '../config/config.module';
import { Account } from './account.entity';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { hashPassword } from './password';
import { loginEmailKey, RateLimiter } from './rate-limiter';

export const RESET_TTL_MS = 3600 * 1000;
/** Reset mails per address per hour: a typo or two, not a mail bomb. */
const RESETS_PER_EMAIL_PER_HOUR = 5;

/**
 * Password reset by emailed link. The token (256 random bits) is stored as a SHA-256 hash, works
 * once, expires after an hour, and using it ends every session of the account.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly limiter: RateLimiter,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Mails a link when the account exists; the answer is the same either way. */
  async request(email: string): Promise<void> {
    await this.limiter.hit({
      key: `reset:email:${email.toLowerCase()}`,
      max: RESETS_PER_EMAIL_PER_HOUR,
      windowSeconds: 3600,
    });
    const account = await this.accounts
      .createQueryBuilder('a')
      .where('lower(a.email) = lower(:email)', { email })
      .getOne();
    if (!account) return;
    const token = randomToken('wm_rst_', 32);
    await this.accounts.query(
      `INSERT INTO password_resets (token_hash, account_id, expires_at) VALUES ($1, $2, $3)`,
      [sha256(token), account.id, new Date(Date.now() + RESET_TTL_MS)],
    );
    const link = `${publicUrlOf(this.config)}/reset-password?token=${token}`;
    await this.mail.send({
      to: account.email,
      subject: 'Reset your Waymark password',
      text: `Set a new password: ${link}\nThe link works once and expires in an hour. If you did not ask for it, ignore this mail.`,
      link,
    });
  }

  /** Consumes the token and sets the password; every session and pending reset of the account ends. */
  async confirm(token: string, password: string): Promise<void> {
    // Look before hashing, so random tokens cost no scrypt work; the UPDATE below decides.
    const [pending] = (await this.accounts.query(
      'SELECT 1 FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()',
      [sha256(token)],
    )) as unknown[];
    if (!pending) throw new AppError('invalid_token');
    const passwordHash = await hashPassword(password);
    const accountId = await this.accounts.manager.transaction(async (tx) => {
      // One UPDATE marks the token used: two concurrent confirmations cannot both succeed.
      const [rows] = (await tx.query(
        `UPDATE password_resets SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING account_id`,
        [sha256(token)],
      )) as [Array<{ account_id: string }>, number];
      const id = rows[0]?.account_id;
      if (!id) throw new AppError('invalid_token');
      await tx.query('UPDATE accounts SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
      await tx.query('DELETE FROM auth_sessions WHERE account_id = $1', [id]);
      await tx.query(
        'UPDATE password_resets SET used_at = now() WHERE account_id = $1 AND used_at IS NULL',
        [id],
      );
      return id;
    });
    const [account] = (await this.accounts.query('SELECT email FROM accounts WHERE id = $1', [
      accountId,
    ])) as Array<{ email: string }>;
    if (account) await this.limiter.reset(loginEmailKey(account.email));
  }
}
