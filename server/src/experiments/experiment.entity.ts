import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ExperimentStatus, ExperimentVariant, Holdout } from '@waymark/shared';

@Entity('experiments')
export class Experiment {
  @PrimaryColumn('uuid', { name: 'workspace_id' }) workspaceId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'content_id' }) contentId: string;
  @Column('text') name: string;
  @Column('text') status: ExperimentStatus;
  @Column('text') seed: string;
  @Column('jsonb') variants: ExperimentVariant[];
  @Column('jsonb', { nullable: true }) holdout: Holdout | null;
  @Column('text', { name: 'goal_id' }) goalId: string;
  @Column('text', { name: 'guardrail_goal_ids', array: true }) guardrailGoalIds: string[];
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { name: 'stopped_at', nullable: true }) stoppedAt: Date | null;
  @Column('text', { name: 'shipped_variant', nullable: true }) shippedVariant: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
