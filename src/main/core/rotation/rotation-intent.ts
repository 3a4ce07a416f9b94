import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { leaseReason } from '../../../shared/lease';
import type { Expiry, RotationMethod } from '../../../shared/model';
import { requireOperation, type ServiceToken } from '../providers/provider-adapter';
import { replacementFor } from './replacement-spec';
import type { RotationPorts } from './rotation-deps';
import { markedNaming, markerOf } from './rotation-marker';
import {
  checkCapabilities,
  checkRollable,
  checkRoomForNewToken,
  findOldToken,
  methodFor,
} from './rotation-preflight';
import { emptySteps, isFinal, type RotationRecord } from './rotation-record';

/**
 * Everything checked before a rotation may begin, and the intent record it begins with. Nothing
 * here changes anything at the service or on disk: a refusal leaves no trace to clean up.
 */
export async function prepareIntent(
  deps: RotationPorts,
  accountId: string,
  tokenId: string,
  chosenLifetime: Expiry | null,
): Promise<RotationRecord> {
  const { account, adapter, ctx } = await deps.access.open(accountId);
  const method = methodFor(account);
  checkCapabilities(method, adapter.info);
  const unfinished = (await deps.journal.list()).filter(
    (record) => record.accountId === accountId && !isFinal(record),
  );
  refuseSecondRotation(unfinished, tokenId);

  let tokens: ServiceToken[];
  if (method === 'guided') {
    tokens = await deps.tracked.list(accountId);
  } else {
    const managed = await deps.access.openManagedAccount(account);
    await deps.checkpoint('call:listTokens');
    tokens = await requireOperation(adapter, 'listTokens', 'list tokens')(managed.ctx);
  }
  const old = findOldToken(tokens, tokenId);
  checkRollable(method, old, adapter.info);
  const managementTokenId = await managementTokenOf(deps, accountId, tokens, (token) =>
    ctx.credential === null ? false : adapter.isTokenOf(token, ctx.credential),
  );
  const isManagementCredential = method !== 'guided' && managementTokenId === tokenId;
  refuseBesideManagementRotation(unfinished, isManagementCredential);
  checkRoomForNewToken(method, adapter.info, tokens, tokenId, managementTokenId);

  const rotationId = randomUUID();
  const marker = markerOf(rotationId);
  const naming = namingFor(method, old, marker, adapter.info.capabilities);
  const replacement = replacementFor(
    old,
    naming,
    adapter.info.capabilities,
    deps.clock.now(),
    chosenLifetime,
  );
  const now = deps.clock.now().toISOString();
  const steps = emptySteps();
  steps.intent = { state: 'done', startedAt: now, endedAt: now };
  return {
    version: 1,
    rotationId,
    accountId,
    method,
    oldTokenId: old.id,
    oldTokenName: old.name,
    isManagementCredential,
    marker,
    replacement,
    knownTokenIds: tokens.map((token) => token.id),
    newTokenId: null,
    newToken: null,
    rollAttempted: false,
    rollTargetId: null,
    watchForLateToken: false,
    steps,
    direction: 'forward',
    status: 'running',
    waitingFor: null,
    error: null,
    publishTargets: [],
    revealed: false,
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
  };
}

/** The token TokenDesk manages the account with: as last listed, else by its credential. */
async function managementTokenOf(
  deps: RotationPorts,
  accountId: string,
  tokens: readonly ServiceToken[],
  isCredential: (token: ServiceToken) => boolean,
): Promise<string | null> {
  const cached = await deps.cache.get(accountId);
  if (cached !== null && cached.managementTokenId !== null) return cached.managementTokenId;
  const found = tokens.find(isCredential);
  return found === undefined ? null : found.id;
}

function namingFor(
  method: RotationMethod,
  old: ServiceToken,
  marker: string,
  capabilities: Parameters<typeof markedNaming>[3],
) {
  // Only a second token needs telling apart: a roll keeps the name, and a guided token is
  // named by the user in the dashboard (TokenDesk cannot list it to look for a marker anyway).
  if (method !== 'overlap') return { name: old.name, description: old.description };
  return markedNaming(old.name, old.description, marker, capabilities);
}

function refuseSecondRotation(unfinished: readonly RotationRecord[], tokenId: string): void {
  const busy = unfinished.find(
    (record) => record.oldTokenId === tokenId || record.newTokenId === tokenId,
  );
  if (busy !== undefined) {
    const lease = { rotationId: busy.rotationId, tokenName: busy.oldTokenName };
    throw new AppError(
      'ROTATION_UNFINISHED',
      `A rotation of “${busy.oldTokenName}” is already under way or waiting for you. ${leaseReason(lease)}`,
    );
  }
}

/**
 * While the account's management credential is being replaced, every other call may find the
 * credential switched under it; so a management rotation runs alone within its account.
 */
function refuseBesideManagementRotation(
  unfinished: readonly RotationRecord[],
  isManagementCredential: boolean,
): void {
  const management = unfinished.find((record) => record.isManagementCredential);
  if (management !== undefined) {
    throw new AppError(
      'ROTATION_UNFINISHED',
      'TokenDesk is replacing its own credential for this account. Start other rotations when that one is finished.',
    );
  }
  if (isManagementCredential && unfinished.length > 0) {
    throw new AppError(
      'ROTATION_UNFINISHED',
      'Other rotations of this account are unfinished. Rotate TokenDesk’s own credential when they are done.',
    );
  }
}
