import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A workspace environment (production, staging) with its public SDK key and hashed secret key. */
@Entity('environments')
export class Environment {
  @PrimaryColumn('uuid', { name: 'workspace_id' }) workspaceId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { name: 'sdk_key' }) sdkKey: string;
  @Column('text', { name: 'secret_key_hash' }) secretKeyHash: string;
  /** The secret key's last four characters, to tell keys apart in the builder. */
  @Column('text', { name: 'secret_key_hint' }) secretKeyHint: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** When a request with the SDK key last arrived (stamped at most once a minute). */
  @Column('timestamptz', { name: 'sdk_last_seen_at', nullable: true })
  sdkLastSeenAt: Date | null;
}
