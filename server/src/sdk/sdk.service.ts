import { Injectable } from '@nestjs/common';
import {
  SdkEventSchema,
  toFieldIssues,
  type EligibleContent,
  type EventsRequest,
  type EventsResponse,
  type ProgressRequest,
  type ProgressResponse,
  type SdkContext,
  type SdkEvent,
  type SdkUser,
  type SessionRequest,
  type Traits,
} from '@waymark/shared';
import { AppError } from '../common/app-error';
import { toRow, type EventRow } from '../events/event-row';
import { EventsService } from '../events/events.service';
import {
  AssignmentsService,
  type NewAssignment,
  type StoredAssignment,
} from '../experiments/assignments.service';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { AssignmentCache } from './assignment.cache';
import { AudienceEvaluator } from './audience.evaluator';
import { ConfigCache } from './config.cache';
import {
  armOf,
  eligibleItems,
  eligibleNow,
  resolveArms,
  type Decision,
  type ProgressState,
  type UserState,
} from './decision.engine';
import { mergeProgress, ProgressService, type ProgressChange } from './progress.service';
import { sessionAnswer, toEligible, type Assembled } from './session.answer';
import {
  decidedByRequest,
  memoKeyOf,
  sameLists,
  SessionMemo,
  type MemoEntry,
} from './session.memo';
import { surveyAnswerRows } from './survey-answer.rows';
import { noteOf, TraitsSaver, type TraitsNote } from './traits.saver';
import { hashKeyOf, userKeysOf } from './user-keys';
import type { WorkspaceConfig } from './workspace-config';

const CONTENT_STATUS = {
  shown: 'in_progress',
  step_viewed: 'in_progress',
  completed: 'completed',
  dismissed: 'dismissed',
} as const;

interface Who {
  user: SdkUser;
  traits: Traits;
  context: SdkContext | undefined;
}

/** A decision and what it rests on besides the request, for the session memo (null: not kept). */
interface Decided {
  decision: Decision;
  state: UserState;
  basis: Omit<MemoEntry, 'workspaceId' | 'body' | 'traits' | 'generation' | 'answer'> | null;
}

/** The decision path: sessions, events (with what they make eligible) and progress. */
@Injectable()
export class SdkService {
  private readonly memo = new SessionMemo();

  constructor(
    private readonly cache: ConfigCache,
    private readonly audiences: AudienceEvaluator,
    private readonly progress: ProgressService,
    private readonly assignments: AssignmentsService,
    private readonly assignmentCache: AssignmentCache,
    private readonly events: EventsService,
    private readonly workspaces: WorkspacesService,
    private readonly traits: TraitsSaver,
  ) {}

  /**
   * The session answer as JSON bytes (see `sessionAnswer`), its etag and compressed twins, for a
   * request body as sent (`text`; `parse` validates it). When the same text was answered before
   * and nothing it was decided on has changed (`fromMemo`), the remembered answer comes back
   * synchronously and the text is not parsed again. The identity check and the traits' note run
   * on every session.
   */
  session(
    workspaceId: string,
    text: string,
    parse: (text: string) => SessionRequest,
  ): Assembled | Promise<Assembled> {
    const key = memoKeyOf(text);
    const entry = key === null ? undefined : this.memo.get(key, workspaceId);
    const body = entry ? entry.body : parse(text);
    this.verify(workspaceId, body.user, body.userHash);
    // Into the identity store in the background, and only when they changed.
    const traits = entry ? entry.traits : noteOf(workspaceId, body.user, body.traits);
    if (traits) this.traits.noteAgain(traits);
    return (
      (entry && this.fromMemo(workspaceId, entry)) ??
      this.decideSession(workspaceId, body, key, traits)
    );
  }

  /**
   * The remembered answer, if the configuration generation, each user key's progress and (when
   * an experiment took part) stored assignments are the very ones it was decided on, and no
   * schedule or frequency boundary has passed since. All from memory: any of them not in memory
   * now is a miss, and `decideSession` loads it.
   */
  private fromMemo(workspaceId: string, entry: MemoEntry): Assembled | undefined {
    const config = this.cache.peek(workspaceId);
    if (!config || entry.generation !== config.generation || Date.now() >= entry.until) {
      return undefined;
    }
    const progress = this.progress.lists(entry.progressKeys);
    if (!Array.isArray(progress) || !sameLists(entry.progress, progress)) return undefined;
    if (entry.assignments) {
      const assignments = this.assignmentCache.lists(entry.assignments.keys);
      if (!Array.isArray(assignments) || !sameLists(entry.assignments.lists, assignments)) {
        return undefined;
      }
    }
    return entry.answer;
  }

  private async decideSession(
    workspaceId: string,
    body: SessionRequest,
    key: string | null,
    traits: TraitsNote | null,
  ): Promise<Assembled> {
    const now = new Date();
    const config = await this.cache.get(workspaceId);
    const who = { user: body.user, traits: body.traits, context: body.context };
    const { decision, state, basis } = await this.decideFor(workspaceId, config, who, now);
    // Most sessions store nothing: no call, no promise to wait for.
    if (decision.newAssignments.length > 0) {
      await this.saveAssignments(workspaceId, config, decision.newAssignments);
      // Not remembered: the next session reads the stored arm.
      return sessionAnswer(decision, state.progress, body.context.locale, config);
    }
    const answer = sessionAnswer(decision, state.progress, body.context.locale, config);
    if (key !== null && basis && decidedByRequest(body, config)) {
      this.memo.set(key, {
        workspaceId,
        body,
        traits,
        generation: config.generation,
        ...basis,
        answer,
      });
    }
    return answer;
  }

  /**
   * Stores valid events (a malformed one is rejected alone), applies content events to progress
   * and exposures to assignments, and answers content the events made eligible.
   */
  async ingest(workspaceId: string, batch: EventsRequest): Promise<EventsResponse> {
    this.verify(workspaceId, batch.user, batch.userHash);
    if (batch.traits) this.traits.note(workspaceId, batch.user, batch.traits);
    const receivedAt = new Date();
    const rows: EventRow[] = [];
    const valid: Array<{ event: SdkEvent; row: EventRow }> = [];
    const rejected: EventsResponse['rejected'] = [];
    batch.events.forEach((raw, index) => {
      const parsed = SdkEventSchema.safeParse(raw);
      if (parsed.success) {
        const row = toRow(parsed.data, batch.user, batch.sentAt, receivedAt);
        rows.push(row);
        valid.push({ event: parsed.data, row });
        return;
      }
      const messageId = (raw as { messageId?: unknown } | null)?.messageId;
      rejected.push({
        index,
        ...(typeof messageId === 'string' ? { messageId } : {}),
        issues: toFieldIssues(parsed.error),
      });
    });
    const config = await this.cache.get(workspaceId);
    const who = { user: batch.user, traits: batch.traits ?? {}, context: batch.context };
    const eventDriven = reactsToEvents(config);
    const before = eventDriven ? await this.decideFor(workspaceId, config, who, receivedAt) : null;
    await this.events.insert(workspaceId, rows);
    const [primary] = userKeysOf(batch.user);
    await this.progress.apply(workspaceId, primary, contentChanges(valid));
    await this.expose(workspaceId, config, batch.user, valid);
    if (!before) return { accepted: rows.length, rejected, content: [] };
    const after = await this.decideFor(workspaceId, config, who, new Date());
    await this.saveAssignments(workspaceId, config, after.decision.newAssignments);
    const had = new Set(before.decision.delivered.map((d) => d.item.id));
    const locale = batch.context?.locale;
    const content: EligibleContent[] = after.decision.delivered
      .filter((d) => !had.has(d.item.id))
      .map((d) => toEligible(d, after.state.progress, locale));
    return { accepted: rows.length, rejected, content };
  }

  async saveProgress(workspaceId: string, body: ProgressRequest): Promise<ProgressResponse> {
    this.verify(workspaceId, body.user, body.userHash);
    const [primary] = userKeysOf(body.user);
    const changes: ProgressChange[] = body.updates.map((u) => ({
      ...u,
      at: new Date(u.timestamp),
    }));
    const saved = await this.progress.apply(workspaceId, primary, changes);
    const kept = body.updates.filter((u) => saved.has(u.contentId));
    await this.events.insert(workspaceId, surveyAnswerRows(body.user, primary, kept));
    return { saved: kept.length };
  }

  /** A user id must carry a valid userHash when the workspace requires verified identities. */
  private verify(workspaceId: string, user: SdkUser, userHash: string | undefined): void {
    if (!user.userId || !this.workspaces.requiresIdentityVerification(workspaceId)) return;
    if (!this.workspaces.verifyIdentity(workspaceId, user.userId, userHash)) {
      throw new AppError('identity_unverified');
    }
  }

  private async decideFor(
    workspaceId: string,
    config: WorkspaceConfig,
    who: Who,
    now: Date,
  ): Promise<Decided> {
    const keys = userKeysOf(who.user);
    const progressKeys = this.progress.cacheKeysOf(workspaceId, keys);
    const [lists, audiences] = await Promise.all([
      this.progress.lists(progressKeys),
      this.audiences.outcomes({ workspaceId, config, ...who, now }),
    ]);
    const progress = mergeProgress(lists);
    const { items: eligible, until } = eligibleNow(config, audiences, progress, now);
    // Assignments are read only for users an experiment could take, from memory where held…
    if (!eligible.some((item) => item.experiment)) {
      const basis = { progressKeys, progress: lists, assignments: null, until };
      return { ...decide(eligible, progress, NO_ASSIGNMENTS, who.user, keys), basis };
    }
    const assignmentKeys = this.assignmentCache.cacheKeysOf(config, keys);
    const cached = this.assignmentCache.lists(assignmentKeys);
    const assignments = Array.isArray(cached) ? cached : await cached;
    const first = decide(eligible, progress, assignments.flat(), who.user, keys);
    if (first.decision.newAssignments.length === 0) {
      return {
        ...first,
        basis: {
          progressKeys,
          progress: lists,
          assignments: { keys: assignmentKeys, lists: assignments },
          until,
        },
      };
    }
    // …but an arm is only ever decided (stored) on what the database holds now: another
    // instance may have stored one since it was cached.
    const stored = await this.assignmentCache.fresh(config, keys);
    return { ...decide(eligible, progress, stored, who.user, keys), basis: null };
  }

  /** Stores first assignments; this instance's cached ones for those keys are dropped. */
  private async saveAssignments(
    workspaceId: string,
    config: WorkspaceConfig,
    rows: NewAssignment[],
  ): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.assignments.save(workspaceId, rows);
    } finally {
      this.assignmentCache.forget(
        config,
        rows.map((r) => r.userKey),
      );
    }
  }

  /** Exposures are stamped with the server's own arm for the user, whatever the client says. */
  private async expose(
    workspaceId: string,
    config: WorkspaceConfig,
    user: SdkUser,
    valid: Array<{ event: SdkEvent; row: EventRow }>,
  ): Promise<void> {
    const exposures = valid.filter(
      (v): v is { event: Extract<SdkEvent, { type: 'exposure' }>; row: EventRow } =>
        v.event.type === 'exposure',
    );
    if (exposures.length === 0) return;
    const keys = userKeysOf(user);
    const stored = await this.assignments.forUser(workspaceId, keys);
    const rows: Array<NewAssignment & { at: Date }> = [];
    for (const { event, row } of exposures) {
      const experiment = config.items.find(
        (i) => i.experiment?.id === event.experimentId,
      )?.experiment;
      if (!experiment) continue; // not running (any more): nothing to count
      const sticky = stored
        .filter((a) => a.experimentId === experiment.id)
        .sort((a, b) => keys.indexOf(a.userKey) - keys.indexOf(b.userKey))[0];
      const { assignment } = armOf(experiment, sticky, hashKeyOf(user));
      if (!assignment) continue;
      rows.push({
        experimentId: experiment.id,
        userKey: keys[0],
        arm: assignment.key,
        versionId: assignment.arm === 'variant' ? assignment.versionId : null,
        at: row.ts,
      });
    }
    try {
      await this.assignments.expose(workspaceId, rows);
    } finally {
      // An exposure may store the first assignment (when the session's write has not landed).
      this.assignmentCache.forget(
        config,
        rows.map((r) => r.userKey),
      );
    }
  }
}

/** Whether events can change what a user gets (audiences reading events, goals, segments…). */
function reactsToEvents(config: WorkspaceConfig): boolean {
  const d = config.deps;
  return (
    d.eventNames.size > 0 ||
    d.anyEvent ||
    d.goals.size > 0 ||
    d.journeys.size > 0 ||
    d.segments.size > 0
  );
}

function contentChanges(valid: Array<{ event: SdkEvent; row: EventRow }>): ProgressChange[] {
  return valid.flatMap(({ event, row }): ProgressChange[] => {
    if (event.type !== 'content' || event.action === 'target_missing') return [];
    return [
      {
        contentId: event.contentId,
        versionId: event.versionId,
        status: CONTENT_STATUS[event.action],
        stepId: event.stepId,
        at: row.ts,
      },
    ];
  });
}

const NO_ASSIGNMENTS: StoredAssignment[] = [];

/** The decision on what is stored about the user (stored assignments are not mutated). */
function decide(
  eligible: ReturnType<typeof eligibleItems>,
  progress: Map<string, ProgressState>,
  stored: StoredAssignment[],
  user: SdkUser,
  keys: string[],
): { decision: Decision; state: UserState } {
  // The identified user's assignment first; an anonymous one carries over after sign-in.
  const assignments = new Map<string, StoredAssignment>();
  if (stored.length > 0) {
    const rank = (key: string): number => keys.indexOf(key);
    const sorted = [...stored].sort((a, b) => rank(b.userKey) - rank(a.userKey));
    for (const a of sorted) assignments.set(a.experimentId, a);
  }
  const state: UserState = { progress, assignments };
  const decision = resolveArms(eligible, assignments, hashKeyOf(user), keys[0]!);
  if (assignments.size > 0) decision.newAssignments.push(...carriedOver(decision, state, keys[0]!));
  return { decision, state };
}

/** Arms found only under the anonymous key are stored under the identified one too. */
function carriedOver(decision: Decision, state: UserState, primary: string): NewAssignment[] {
  const ids = new Set([
    ...decision.delivered.flatMap((d) => (d.experiment ? [d.experiment.experimentId] : [])),
    ...decision.holdouts.map((h) => h.experimentId),
  ]);
  return [...ids].flatMap((experimentId) => {
    const a = state.assignments.get(experimentId);
    return a && a.userKey !== primary
      ? [{ experimentId, userKey: primary, arm: a.arm, versionId: a.versionId }]
      : [];
  });
}
