import { z } from 'zod';

/**
 * Where a rotation stands, as far as what may happen next is concerned. The runner, recovery,
 * the core's answers to the user's calls and the renderer's buttons all read the one table below.
 *
 * - working: TokenDesk is at work and the old token still works, so a failure can be undone.
 * - working-forward-only: at work past the point of no return (the roll was sent, promote began,
 *   or a guided user's token is in play): failures are repaired forward, never undone.
 * - undoing: rolling back (putting the old secret back on the targets, revoking the new token).
 * - awaiting-secret / awaiting-revoke: a guided rotation waits for the user's dashboard.
 * - stopped-undoable: stopped for the user while both tokens work: retry, or cancel to undo.
 * - stopped-forward-only: stopped for the user with no way back: retry (or act, then retry).
 * - undo-stopped: an undo failed half way: retry continues it.
 * - revoke-pending: the new token is current; the old one still has to be revoked.
 * - done, rolled-back: final.
 */
export const rotationPhases = [
  'working',
  'working-forward-only',
  'undoing',
  'awaiting-secret',
  'awaiting-revoke',
  'stopped-undoable',
  'stopped-forward-only',
  'undo-stopped',
  'revoke-pending',
  'done',
  'rolled-back',
] as const;
export const RotationPhaseSchema = z.enum(rotationPhases);
export type RotationPhase = z.infer<typeof RotationPhaseSchema>;

/**
 * What happens to a rotation. The first group comes from the runner's own steps, `restart` from
 * recovery after the app stopped mid-rotation, the last group from the user.
 */
export const rotationEvents = [
  'finished',
  'await-secret',
  'await-revoke',
  'fail-undo',
  'fail-stop-undoable',
  'fail-stop',
  'fail-revoke',
  'roll-not-made',
  'undo-finished',
  'undo-failed',
  'restart',
  'retry',
  'cancel',
  'provide-secret',
  'confirm-revoked',
] as const;
export type RotationEvent = (typeof rotationEvents)[number];

type Table = Record<RotationPhase, Partial<Record<RotationEvent, RotationPhase>>>;

/** (phase, event) → next phase. A pair missing here cannot happen; the code refuses it. */
export const rotationTable: Table = {
  working: {
    'fail-undo': 'undoing',
    'fail-stop-undoable': 'stopped-undoable',
    restart: 'undoing',
  },
  'working-forward-only': {
    finished: 'done',
    'await-secret': 'awaiting-secret',
    'await-revoke': 'awaiting-revoke',
    'fail-stop': 'stopped-forward-only',
    'fail-revoke': 'revoke-pending',
    'roll-not-made': 'rolled-back',
    restart: 'working-forward-only',
  },
  undoing: {
    'undo-finished': 'rolled-back',
    'undo-failed': 'undo-stopped',
    restart: 'undoing',
  },
  'awaiting-secret': {
    'provide-secret': 'working-forward-only',
    cancel: 'undoing',
  },
  'awaiting-revoke': {
    'confirm-revoked': 'working-forward-only',
  },
  'stopped-undoable': {
    retry: 'working',
    cancel: 'undoing',
  },
  'stopped-forward-only': {
    retry: 'working-forward-only',
    restart: 'working-forward-only',
  },
  'undo-stopped': {
    retry: 'undoing',
    restart: 'undoing',
  },
  'revoke-pending': {
    retry: 'working-forward-only',
    restart: 'working-forward-only',
  },
  done: {},
  'rolled-back': {},
};

export function nextPhase(phase: RotationPhase, event: RotationEvent): RotationPhase | null {
  return rotationTable[phase][event] ?? null;
}

export function allows(phase: RotationPhase, event: RotationEvent): boolean {
  return nextPhase(phase, event) !== null;
}

export function isFinalPhase(phase: RotationPhase): boolean {
  return Object.keys(rotationTable[phase]).length === 0;
}

/** Every row of the table, in order: what the README's table and the tests enumerate. */
export function tableRows(): Array<{
  from: RotationPhase;
  event: RotationEvent;
  to: RotationPhase;
}> {
  return rotationPhases.flatMap((from) =>
    rotationEvents.flatMap((event) => {
      const to = nextPhase(from, event);
      return to === null ? [] : [{ from, event, to }];
    }),
  );
}
