import { z } from 'zod';
import {
  ExpirySchema,
  PublishTargetStateSchema,
  RotationMethodSchema,
  RotationStatusSchema,
  RotationStepStateSchema,
  RotationWaitSchema,
  rotationSteps,
  type RotationStep,
} from '../../../shared/model';
import { ServiceTokenSchema } from '../inventory/inventory-cache';

const StepRecordSchema = z.object({
  state: RotationStepStateSchema,
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type StepRecord = z.infer<typeof StepRecordSchema>;

/** What the new token is created with: the old token's settings, so nothing changes but the secret. */
export const ReplacementSchema = z.object({
  name: z.string(),
  description: z.string().nullable(),
  expiry: ExpirySchema,
  extended: z.boolean(),
  project: z.string().nullable(),
  role: z.string().nullable(),
  scopes: z.array(z.string()),
});
export type Replacement = z.infer<typeof ReplacementSchema>;

/**
 * One publish target during a rotation, journaled before and after each write to it, so that
 * after a crash TokenDesk knows which targets may hold which secret (`holdsOf`).
 */
export const PublishTargetEntrySchema = z.object({
  targetId: z.string(),
  /** As the user knows it: `owner/repo · API_TOKEN`. */
  label: z.string(),
  kind: z.string(),
  state: PublishTargetStateSchema,
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  updatedAt: z.string(),
});
export type PublishTargetEntry = z.infer<typeof PublishTargetEntrySchema>;

/**
 * One rotation, as journaled in `rotations/<rotationId>.json`. It never holds a secret: the new
 * secret lives in the keychain from the moment it exists, and this record says where.
 */
const RotationRecordShape = z.object({
  version: z.literal(1),
  rotationId: z.string(),
  accountId: z.string(),
  method: RotationMethodSchema,
  oldTokenId: z.string(),
  oldTokenName: z.string(),
  isManagementCredential: z.boolean(),
  /** Carried by the new token's name (or description) so a token created before a crash is found. */
  marker: z.string(),
  replacement: ReplacementSchema,
  /** Ids the service listed when the rotation started: a token not among them is a candidate. */
  knownTokenIds: z.array(z.string()),
  newTokenId: z.string().nullable(),
  /** The new token as the service described it (no secret), for the local inventory. */
  newToken: ServiceTokenSchema.nullable(),
  /** Roll only: the roll call went out once. It is never sent again (GitLab revokes the family). */
  rollAttempted: z.boolean(),
  /**
   * Roll only: the token the next roll call targets. The old token at first; after a roll whose
   * answer was lost, the orphan it produced (rolled with the account's credential, never with the
   * dead old secret), so the service is left with one token whose secret TokenDesk holds.
   */
  rollTargetId: z.string().nullable().default(null),
  /**
   * Overlap: the create got no clear answer and its token was not in the service's list when the
   * rotation was undone. The service may still complete it: every refresh of the account looks
   * for a token carrying the marker and revokes it, until one is found.
   */
  watchForLateToken: z.boolean().default(false),
  steps: z.object({
    intent: StepRecordSchema,
    create: StepRecordSchema,
    store: StepRecordSchema,
    verify: StepRecordSchema,
    publish: StepRecordSchema,
    promote: StepRecordSchema,
    revoke: StepRecordSchema,
  } satisfies Record<RotationStep, typeof StepRecordSchema>),
  direction: z.enum(['forward', 'rollback']),
  status: RotationStatusSchema,
  waitingFor: RotationWaitSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** The targets bound to the old token and what each one was last given. */
  publishTargets: z.array(PublishTargetEntrySchema).default([]),
  revealed: z.boolean(),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});

const restoreStates = new Set<PublishTargetEntry['state']>([
  'restoring',
  'restored-old',
  'restore-failed',
]);

/**
 * Combinations no rotation can be in. They are refused on every journal write (a bug then stops
 * the run, and recovery starts from the last good state) and on every read.
 */
function impossibilities(record: z.infer<typeof RotationRecordShape>): string[] {
  const problems: string[] = [];
  const { status, waitingFor, direction } = record;
  const final = status === 'done' || status === 'rolled-back';
  if ((status === 'needs-user') !== (waitingFor !== null)) {
    problems.push('it waits for the user exactly when its status is needs-user');
  }
  if (status === 'rolling-back' && direction !== 'rollback') {
    problems.push('rolling back is the rollback direction');
  }
  if (
    (status === 'running' || status === 'revoke-pending' || status === 'done') &&
    direction !== 'forward'
  ) {
    problems.push(`${status} is the forward direction`);
  }
  if (direction === 'rollback' && status === 'needs-user' && waitingFor !== 'retry') {
    problems.push('a stopped undo waits for a retry');
  }
  if ((waitingFor === 'secret' || waitingFor === 'revoke') && record.method !== 'guided') {
    problems.push('only a guided rotation waits for the dashboard');
  }
  // Journals written before finish times were kept lack one; an unfinished one never has it.
  if (!final && record.finishedAt !== null) problems.push('only a final rotation has finished');
  const stepsDone = Object.values(record.steps).every(
    (entry) => entry.state === 'done' || entry.state === 'skipped',
  );
  if (status === 'done' && !stepsDone) problems.push('done means every step finished');
  if (status === 'revoke-pending' && record.steps.promote.state !== 'done') {
    problems.push('revoke-pending comes after promote');
  }
  if (direction === 'rollback' && record.steps.promote.state !== 'pending') {
    problems.push('nothing is undone once promote began');
  }
  if (record.newToken !== null && record.newTokenId === null) {
    problems.push('a new token has an id');
  }
  if (direction === 'forward' && record.publishTargets.some((t) => restoreStates.has(t.state))) {
    problems.push('the old secret goes back to a target only while undoing');
  }
  return problems;
}

export const RotationRecordSchema = RotationRecordShape.superRefine((record, ctx) => {
  for (const problem of impossibilities(record)) {
    ctx.addIssue({ code: 'custom', message: `Impossible rotation state: ${problem}.` });
  }
});
export type RotationRecord = z.infer<typeof RotationRecordSchema>;

export const finalStatuses = new Set<RotationRecord['status']>(['done', 'rolled-back']);

export function isFinal(record: RotationRecord): boolean {
  return finalStatuses.has(record.status);
}

export function stepStarted(record: RotationRecord, step: RotationStep): boolean {
  return record.steps[step].state !== 'pending';
}

export function stepFinished(record: RotationRecord, step: RotationStep): boolean {
  const { state } = record.steps[step];
  return state === 'done' || state === 'skipped';
}

/** The first step not finished yet; null when every step is. */
export function nextStep(record: RotationRecord): RotationStep | null {
  return rotationSteps.find((step) => !stepFinished(record, step)) ?? null;
}

/** From promote on, the new token is (or is becoming) current: failures go forward, never back. */
export function pastPointOfNoReturn(record: RotationRecord): boolean {
  if (stepStarted(record, 'promote')) return true;
  // A roll killed the old secret at the service: there is nothing to go back to.
  return record.method === 'roll' && record.newTokenId !== null;
}

export function emptySteps(): RotationRecord['steps'] {
  const entries = rotationSteps.map((step) => [
    step,
    { state: 'pending', startedAt: null, endedAt: null } satisfies StepRecord,
  ]);
  return Object.fromEntries(entries) as RotationRecord['steps'];
}
