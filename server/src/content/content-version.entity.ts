import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ContentDefinition } from '@waymark/shared';

/** An immutable snapshot of a content definition once published. */
@Entity('content_versions')
export class ContentVersion {
  @PrimaryColumn('uuid', { name: 'workspace_id' }) workspaceId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'content_id' }) contentId: string;
  @Column('integer') version: number;
  @Column('jsonb') definition: ContentDefinition;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
}
