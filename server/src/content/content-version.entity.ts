import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ContentDefinition } from '@waymark/shared';

/**
 * A version of a content definition. The draft (`publishedAt` null, at most one per item) is
 * edited in place; once published a version never changes (a trigger enforces it).
 */
@Entity('content_versions')
export class ContentVersion {
  @PrimaryColumn('uuid', { name: 'workspace_id' }) workspaceId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'content_id' }) contentId: string;
  @Column('integer') version: number;
  @Column('jsonb') definition: ContentDefinition;
  @Column('uuid', { name: 'theme_id', nullable: true }) themeId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
}
