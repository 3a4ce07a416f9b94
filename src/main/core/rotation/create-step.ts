import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { failedCallOutcome } from '../http/call-outcome';
import {
  requireOperation,
  type CreatedToken,
  type ServiceToken,
} from '../providers/provider-adapter';
import { createRequestOf } from './replacement-spec';
import type { StepDeps } from './rotation-deps';
import { RotationFailure } from './rotation-failure';
import { keepSecret, newSecretKey } from './rotation-keychain';
import type { RotationRecord } from './rotation-record';
import type { StepOutcome } from './step-outcome';

const DAY_MS = 24 * 3600_000;

/**
 * Brings the new token into existence and its secret into the keychain at once: the secret is
 * written before the step is journaled done, and the new token's id is noted in the record
 * before anything can fail, so a rollback knows what to revoke.
 */
export async function createStep(record: RotationRecord, deps: StepDeps): Promise<StepOutcome> {
  if (record.newTokenId !== null) return { kind: 'done' };
  switch (record.method) {
    case 'overlap':
      return createSecondToken(record, deps);
    case 'roll':
      return rollToken(record, deps);
    case 'guided':
      return acceptPastedSecret(record, deps);
  }
}

async function createSecondToken(record: RotationRecord, deps: StepDeps): Promise<StepOutcome> {
  const { adapter, ctx } = await deps.access.openManaged(record.accountId);
  const create = requireOperation(adapter, 'createToken', 'create tokens');
  const request = createRequestOf(record.replacement, adapter.info.capabilities);
  // Not retried: a POST whose answer was lost may have created the token. A rollback finds it
  // by the marker in its name instead.
  await deps.checkpoint('call:createToken');
  let created: CreatedToken;
  try {
    created = await create(ctx, request);
  } catch (error) {
    throw createFailure(error, adapter.info.name);
  }
  await deps.checkpoint('create:response');
  record.newTokenId = created.token.id;
  record.newToken = created.token;
  deps.held.hold(record.rotationId, created.secret);
  await keepSecret(deps.secrets, newSecretKey(record), created.secret);
  await deps.checkpoint('create:stored');
  return { kind: 'done' };
}

async function rollToken(record: RotationRecord, deps: StepDeps): Promise<StepOutcome> {
  if (record.rollAttempted) {
    // Never a second roll: GitLab treats a roll with the old token as reuse and revokes the family.
    throw new RotationFailure(
      'roll-uncertain',
      'CONFLICT',
      'The roll was sent once already; TokenDesk checks what the service did instead of rolling again.',
    );
  }
  const { adapter, ctx } = await deps.access.openManaged(record.accountId);
  const roll = requireOperation(adapter, 'rollToken', 'roll tokens');
  record.rollAttempted = true;
  await deps.persist(record);
  await deps.checkpoint('call:rollToken');
  let rolled: CreatedToken;
  try {
    rolled = await roll(ctx, record.rollTargetId ?? record.oldTokenId, record.replacement.expiry);
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    const reason = error instanceof AppError ? ` ${error.message}` : '';
    if (failedCallOutcome(error) === 'refused') {
      // A definite no: the service did not roll, so the old token still works and a later roll
      // is a first one, not a repeat.
      record.rollAttempted = false;
      await deps.persist(record);
      throw new RotationFailure(
        'roll-refused',
        code,
        `${adapter.info.name} refused the roll.${reason} Nothing changed: “${record.oldTokenName}” still works.`,
      );
    }
    throw new RotationFailure(
      'roll-uncertain',
      code,
      `The roll got no clear answer.${reason} TokenDesk checks ${adapter.info.name}'s token list to see whether it happened; it never rolls twice.`,
    );
  }
  await deps.checkpoint('create:response');
  // The old secret is dead from here: this secret must reach the keychain before anything else.
  deps.held.hold(record.rotationId, rolled.secret);
  record.newTokenId = rolled.token.id;
  record.newToken = rolled.token;
  await keepSecret(deps.secrets, newSecretKey(record), rolled.secret);
  await deps.checkpoint('create:stored');
  return { kind: 'done' };
}

/** Refused: nothing was created. Uncertain: the rollback looks for the token by its marker. */
function createFailure(error: unknown, service: string): RotationFailure {
  const code = error instanceof AppError ? error.code : 'INTERNAL';
  const words = error instanceof AppError ? ` ${error.message}` : '';
  if (failedCallOutcome(error) === 'refused') {
    return new RotationFailure(
      'create-refused',
      code,
      `${service} refused to create the new token.${words}`,
    );
  }
  return new RotationFailure(
    'create-uncertain',
    code,
    `${service} gave no clear answer to creating the new token, so it may exist.${words}`,
  );
}

async function acceptPastedSecret(record: RotationRecord, deps: StepDeps): Promise<StepOutcome> {
  const secret = deps.held.get(record.rotationId);
  if (secret === undefined) return { kind: 'wait', waitFor: 'secret' };
  const { adapter } = await deps.access.open(record.accountId);
  const { prefix } = adapter.describeSecret(secret);
  const old = (await deps.tracked.list(record.accountId)).find((t) => t.id === record.oldTokenId);
  if (prefix !== null && old !== undefined && old.prefix === prefix) {
    throw new RotationFailure(
      'pasted-rejected',
      'VALIDATION',
      'That is the old token’s secret. Create a new token in the dashboard and paste its secret.',
    );
  }
  const now = deps.clock.now();
  const { expiry } = record.replacement;
  const token: ServiceToken = {
    id: `trk-${randomUUID()}`,
    name: record.replacement.name,
    prefix,
    description: record.replacement.description,
    project: record.replacement.project,
    role: record.replacement.role,
    scopes: record.replacement.scopes,
    createdAt: now.toISOString(),
    // Where the dashboard offers fixed lifetimes the user was told to pick the old token's one.
    expiresAt:
      adapter.info.capabilities.expiryDays !== null && expiry.kind === 'days'
        ? new Date(now.getTime() + expiry.days * DAY_MS).toISOString()
        : null,
    lastUsedAt: null,
    status: 'active',
    extended: false,
  };
  record.newTokenId = token.id;
  record.newToken = token;
  await keepSecret(deps.secrets, newSecretKey(record), secret);
  await deps.checkpoint('create:stored');
  return { kind: 'done' };
}
