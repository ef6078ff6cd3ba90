import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('workspaces')
export class Workspace {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  /** HMAC key for identity verification; stored as is, since verifying needs the key itself. */
  @Column('text', { name: 'identity_secret' }) identitySecret: string;
  @Column('boolean', { name: 'require_identity_verification' })
  requireIdentityVerification: boolean;
  /** The customer's app, where the picker and previews open; null: the demo app. */
  @Column('text', { name: 'app_url', nullable: true }) appUrl: string | null;
  /** Events older than this many days are deleted by the retention job; null keeps them. */
  @Column('integer', { name: 'event_retention_days', nullable: true })
  eventRetentionDays: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
