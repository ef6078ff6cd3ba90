import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type {
  Experiment as ExperimentDto,
  ExperimentCreate,
  ExperimentExposuresResponse,
  ExperimentStatus,
  ExperimentUpdate,
  ExperimentVariant,
} from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import { In, Repository, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { ConfigChanges } from '../content/config-changes';
import { actorOf, ContentService } from '../content/content.service';
import { definedOnly } from '../content/defined-only';
import type { WorkspaceMember } from '../workspaces/require-role.decorator';
import { Experiment } from './experiment.entity';

/** Statuses that hold an item: while one exists, no other experiment may be created or started. */
const OPEN_STATUSES: ExperimentStatus[] = ['draft', 'running'];

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export const toDto = (e: Experiment): ExperimentDto => ({
  id: e.id,
  contentId: e.contentId,
  name: e.name,
  status: e.status,
  seed: e.seed,
  variants: e.variants,
  holdout: e.holdout,
  goalId: e.goalId,
  guardrailGoalIds: e.guardrailGoalIds,
  startedAt: iso(e.startedAt),
  stoppedAt: iso(e.stoppedAt),
  shippedVariant: e.shippedVariant,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

/**
 * Experiments on content items: variants are published (immutable) versions of the item, an
 * optional holdout shows nothing. draft → running ⇄ stopped → shipped. An item has at most one
 * open (draft or running) experiment; ended ones are kept, so experiments follow one another.
 */
@Injectable()
export class ExperimentsService {
  constructor(
    @InjectRepository(Experiment) private readonly experiments: Repository<Experiment>,
    private readonly content: ContentService,
    private readonly changes: ConfigChanges,
    private readonly audit: AuditService,
  ) {}

  async list(workspaceId: string): Promise<ExperimentDto[]> {
    const rows = await this.experiments.find({
      where: { workspaceId },
      order: { createdAt: 'DESC' },
    });
    return rows.map(toDto);
  }

  async get(workspaceId: string, experimentId: string): Promise<ExperimentDto> {
    return toDto(await this.find(this.experiments.manager, workspaceId, experimentId));
  }

  /** Running experiments of a workspace, for the decision path. */
  running(workspaceId: string): Promise<Experiment[]> {
    return this.experiments.findBy({ workspaceId, status: 'running' });
  }

  async create(
    workspaceId: string,
    member: WorkspaceMember,
    body: ExperimentCreate,
  ): Promise<ExperimentDto> {
    await this.assertVariants(workspaceId, body.contentId, body.variants);
    const id = randomUUID();
    return this.changes.change(workspaceId, async (tx) => {
      await this.assertNoOtherOpen(tx, workspaceId, body.contentId, null);
      const { seed, ...fields } = body;
      const experiment = tx.create(Experiment, {
        ...fields,
        workspaceId,
        id,
        seed: seed ?? id,
        status: 'draft',
        startedAt: null,
        stoppedAt: null,
        shippedVariant: null,
      });
      await tx.insert(Experiment, experiment);
      await this.record(tx, member, 'experiment.created', experiment);
      return toDto(await this.find(tx, workspaceId, id));
    });
  }

  async update(
    workspaceId: string,
    member: WorkspaceMember,
    experimentId: string,
    body: ExperimentUpdate,
  ): Promise<ExperimentDto> {
    const current = await this.find(this.experiments.manager, workspaceId, experimentId);
    if (body.variants) await this.assertVariants(workspaceId, current.contentId, body.variants);
    return this.changes.change(workspaceId, async (tx) => {
      const experiment = await this.find(tx, workspaceId, experimentId, true);
      if (experiment.status !== 'draft') {
        throw new AppError('conflict', 'Only a draft experiment can be edited.');
      }
      const change = definedOnly(body);
      const after = { ...experiment, ...change };
      if (after.variants.length < 2 && !after.holdout) {
        throw new AppError('validation_failed', undefined, [
          { path: 'variants', message: 'Use two variants, or one with a holdout.' },
        ]);
      }
      await tx.update(
        Experiment,
        { workspaceId, id: experimentId },
        { ...change, updatedAt: new Date() },
      );
      await this.record(tx, member, 'experiment.updated', after);
      return toDto(await this.find(tx, workspaceId, experimentId));
    });
  }

  start(
    workspaceId: string,
    member: WorkspaceMember,
    experimentId: string,
  ): Promise<ExperimentDto> {
    return this.transition(
      workspaceId,
      member,
      experimentId,
      ['draft', 'stopped'],
      async (tx, e) => {
        // A stopped experiment may run again only while no newer one is open on the item.
        await this.assertNoOtherOpen(tx, workspaceId, e.contentId, e.id);
        return { status: 'running', startedAt: e.startedAt ?? new Date(), stoppedAt: null };
      },
    );
  }

  stop(workspaceId: string, member: WorkspaceMember, experimentId: string): Promise<ExperimentDto> {
    return this.transition(workspaceId, member, experimentId, ['running'], async () => ({
      status: 'stopped',
      stoppedAt: new Date(),
    }));
  }

  ship(
    workspaceId: string,
    member: WorkspaceMember,
    experimentId: string,
    variantKey: string,
  ): Promise<ExperimentDto> {
    return this.transition(
      workspaceId,
      member,
      experimentId,
      ['running', 'stopped'],
      async (tx, e) => {
        const variant = e.variants.find((v) => v.key.toLowerCase() === variantKey.toLowerCase());
        if (!variant) {
          throw new AppError('validation_failed', undefined, [
            { path: 'variant', message: 'No such variant.' },
          ]);
        }
        await this.content.setPublishedVersion(tx, workspaceId, e.contentId, variant.versionId);
        return {
          status: 'shipped',
          shippedVariant: variant.key,
          stoppedAt: e.stoppedAt ?? new Date(),
        };
      },
    );
  }

  async exposures(workspaceId: string, experimentId: string): Promise<ExperimentExposuresResponse> {
    await this.find(this.experiments.manager, workspaceId, experimentId);
    const rows = await this.experiments.query<
      Array<{ arm: string; version_id: string | null; assigned: number; exposed: number }>
    >(
      `SELECT arm, version_id, count(*)::int AS assigned, count(exposed_at)::int AS exposed
         FROM experiment_assignments WHERE workspace_id = $1 AND experiment_id = $2
        GROUP BY arm, version_id ORDER BY arm`,
      [workspaceId, experimentId],
    );
    return {
      data: rows.map((r) => ({
        arm: r.arm,
        versionId: r.version_id,
        assigned: r.assigned,
        exposed: r.exposed,
      })),
    };
  }

  private async assertVariants(
    workspaceId: string,
    contentId: string,
    variants: ExperimentVariant[],
  ): Promise<void> {
    const published = await this.content.publishedVersionIds(workspaceId, contentId);
    const issues = variants.flatMap((v, i) =>
      published.has(v.versionId)
        ? []
        : [
            {
              path: `variants.${i}.versionId`,
              message: 'Not a published version of this content item.',
            },
          ],
    );
    if (issues.length > 0) throw new AppError('validation_failed', undefined, issues);
  }

  /**
   * At most one open (draft or running) experiment per content item; stopped and shipped ones
   * stay as history, so a new experiment can follow them. The advisory lock serialises creates
   * and starts on one item (the unique index `experiments_one_running` only covers running).
   */
  private async assertNoOtherOpen(
    tx: EntityManager,
    workspaceId: string,
    contentId: string,
    exceptId: string | null,
  ): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `experiments:${workspaceId}:${contentId}`,
    ]);
    const open = await tx.find(Experiment, {
      where: { workspaceId, contentId, status: In(OPEN_STATUSES) },
      order: { createdAt: 'ASC' },
    });
    const other = open.find((e) => e.id !== exceptId);
    if (!other) return;
    throw new AppError(
      'conflict',
      other.status === 'running'
        ? `Experiment "${other.name}" already runs on this item: stop or ship it first.`
        : `Experiment "${other.name}" is a draft on this item: start it, or change it instead.`,
    );
  }

  private transition(
    workspaceId: string,
    member: WorkspaceMember,
    experimentId: string,
    from: ExperimentStatus[],
    step: (tx: EntityManager, e: Experiment) => Promise<Partial<Experiment>>,
  ): Promise<ExperimentDto> {
    return this.changes.change(workspaceId, async (tx) => {
      const experiment = await this.find(tx, workspaceId, experimentId, true);
      if (!from.includes(experiment.status)) {
        throw new AppError('conflict', `The experiment is ${experiment.status}.`);
      }
      const change = await step(tx, experiment);
      await tx.update(
        Experiment,
        { workspaceId, id: experimentId },
        { ...change, updatedAt: new Date() },
      );
      const after = { ...experiment, ...change };
      await this.record(tx, member, `experiment.${after.status}`, after);
      return toDto(await this.find(tx, workspaceId, experimentId));
    });
  }

  private async find(
    manager: EntityManager,
    workspaceId: string,
    experimentId: string,
    lock = false,
  ): Promise<Experiment> {
    const experiment = await manager.findOne(Experiment, {
      where: { workspaceId, id: experimentId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!experiment) throw new AppError('not_found', 'No such experiment.');
    return experiment;
  }

  private record(tx: EntityManager, member: WorkspaceMember, action: string, e: Experiment) {
    return this.audit.record(
      {
        workspaceId: e.workspaceId,
        actor: actorOf(member),
        action,
        target: { type: 'experiment', id: e.id },
        after: {
          name: e.name,
          status: e.status,
          contentId: e.contentId,
          shippedVariant: e.shippedVariant,
        },
      },
      tx,
    );
  }
}
