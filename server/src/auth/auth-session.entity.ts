import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A builder session. Only the token's hash is stored, so a database leak signs nobody in. */
@Entity('auth_sessions')
export class AuthSession {
  @PrimaryColumn('text', { name: 'token_hash' }) tokenHash: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text', { name: 'csrf_token' }) csrfToken: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
