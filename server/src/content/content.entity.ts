import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type {
  Audience,
  ContentKind,
  ContentStatus,
  Frequency,
  Schedule,
  Trigger,
} from '@waymark/shared';

/** A content item and its delivery settings (which apply at once, unlike definitions). */
@Entity('content')
export class Content {
  @PrimaryColumn('uuid', { name: 'workspace_id' }) workspaceId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: ContentKind;
  @Column('text') name: string;
  @Column('text') status: ContentStatus;
  @Column('integer') priority: number;
  @Column('jsonb') triggers: Trigger[];
  @Column('jsonb') audience: Audience;
  @Column('jsonb') frequency: Frequency;
  @Column('jsonb', { nullable: true }) schedule: Schedule | null;
  @Column('uuid', { name: 'published_version_id', nullable: true }) publishedVersionId:
    string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
