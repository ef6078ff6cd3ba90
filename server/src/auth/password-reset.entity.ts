import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A password-reset token: only its hash is stored; single use, expires after an hour. */
@Entity('password_resets')
export class PasswordReset {
  @PrimaryColumn('text', { name: 'token_hash' }) tokenHash: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
