import { AppError } from '../../../shared/errors';
import {
  nextPhase,
  type RotationEvent,
  type RotationPhase,
} from '../../../shared/rotation-machine';
import { stepStarted, type RotationRecord } from './rotation-record';

/**
 * Whether the rotation can still be undone with nothing lost: the old token works and every
 * change TokenDesk made can be taken back. Overlap: until promote begins (the new token can be
 * revoked, the targets given the old secret back). Roll: until the roll is sent — afterwards the
 * old secret may be dead. Guided: never once under way — the user's new token lives in a
 * dashboard TokenDesk cannot revoke in, so undoing would strand it.
 */
export function hasWayBack(record: RotationRecord): boolean {
  switch (record.method) {
    case 'overlap':
      return !stepStarted(record, 'promote');
    case 'roll':
      return (
        !record.rollAttempted &&
        record.newTokenId === null &&
        (record.rollTargetId === null || record.rollTargetId === record.oldTokenId)
      );
    case 'guided':
      return false;
  }
}

/** The record's place in the state table (src/shared/rotation-machine.ts). */
export function phaseOf(record: RotationRecord): RotationPhase {
  switch (record.status) {
    case 'running':
      return hasWayBack(record) ? 'working' : 'working-forward-only';
    case 'rolling-back':
      return 'undoing';
    case 'revoke-pending':
      return 'revoke-pending';
    case 'done':
      return 'done';
    case 'rolled-back':
      return 'rolled-back';
    case 'needs-user':
      if (record.waitingFor === 'secret') return 'awaiting-secret';
      if (record.waitingFor === 'revoke') return 'awaiting-revoke';
      if (record.direction === 'rollback') return 'undo-stopped';
      return hasWayBack(record) ? 'stopped-undoable' : 'stopped-forward-only';
  }
}

/** For a stop: whether a retry may fix it, or only the user can (then retry). */
export type StopReason = 'retry' | 'action';

/**
 * Moves the record along the table: the only way its status, what it waits for and its direction
 * change. An event the table does not allow from the record's phase is a bug, refused loudly.
 */
export function enter(
  record: RotationRecord,
  event: RotationEvent,
  now: string,
  reason: StopReason = 'retry',
): RotationPhase {
  const from = phaseOf(record);
  const to = nextPhase(from, event);
  if (to === null) {
    throw new AppError('CONFLICT', `A rotation that is ${from} cannot take “${event}”.`);
  }
  applyPhase(record, to, now, reason);
  if (phaseOf(record) !== to) {
    throw new AppError('INTERNAL', `A rotation moved to ${to} but its record says otherwise.`);
  }
  return to;
}

function applyPhase(
  record: RotationRecord,
  phase: RotationPhase,
  now: string,
  reason: StopReason,
): void {
  record.waitingFor = null;
  switch (phase) {
    case 'working':
    case 'working-forward-only':
      record.status = 'running';
      record.direction = 'forward';
      return;
    case 'undoing':
      record.status = 'rolling-back';
      record.direction = 'rollback';
      return;
    case 'awaiting-secret':
    case 'awaiting-revoke':
      record.status = 'needs-user';
      record.direction = 'forward';
      record.waitingFor = phase === 'awaiting-secret' ? 'secret' : 'revoke';
      return;
    case 'stopped-undoable':
    case 'stopped-forward-only':
      record.status = 'needs-user';
      record.direction = 'forward';
      record.waitingFor = reason;
      return;
    case 'undo-stopped':
      record.status = 'needs-user';
      record.waitingFor = 'retry';
      return;
    case 'revoke-pending':
      record.status = 'revoke-pending';
      return;
    case 'done':
      record.status = 'done';
      record.error = null;
      record.finishedAt = now;
      return;
    case 'rolled-back':
      record.status = 'rolled-back';
      record.finishedAt = now;
      return;
  }
}
