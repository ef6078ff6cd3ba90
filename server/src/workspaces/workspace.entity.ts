import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('workspaces')
export class Workspace {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  /** HMAC key for identity verification; stored as is, since verifying needs the key itself. */
  @Column('text', { name: 'identity_secret' }) identitySecret: string;
  @Column('boolean', { name: 'require_identity_verification' })
  requireIdentityVerification: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
