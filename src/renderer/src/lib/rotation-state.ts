import type { RotationStep, RotationView } from '../../../shared/model';
import { allows } from '../../../shared/rotation-machine';

type StepEntry = RotationView['steps'][number];

export function isUnfinished(view: RotationView): boolean {
  return view.status !== 'done' && view.status !== 'rolled-back';
}

/** TokenDesk is at work on it: the user's buttons wait. */
export function isBusy(view: RotationView): boolean {
  return view.status === 'running' || view.status === 'rolling-back';
}

export function stepOf(view: RotationView, step: RotationStep): StepEntry | undefined {
  return view.steps.find((entry) => entry.step === step);
}

function finished(view: RotationView, step: RotationStep): boolean {
  const entry = stepOf(view, step);
  return entry !== undefined && entry.state === 'done';
}

/**
 * Success is only ever claimed with both proofs on record: the new secret worked against the
 * service (verify) and the old token's end was carried out or checked (revoke).
 */
export interface RotationProof {
  verifiedAt: string;
  revokedAt: string;
}

export function proofOf(view: RotationView): RotationProof | null {
  if (view.status !== 'done' || !finished(view, 'verify') || !finished(view, 'revoke')) return null;
  const verify = stepOf(view, 'verify');
  const revoke = stepOf(view, 'revoke');
  if (verify === undefined || revoke === undefined) return null;
  if (verify.endedAt === null || revoke.endedAt === null) return null;
  return { verifiedAt: verify.endedAt, revokedAt: revoke.endedAt };
}

/*
 * Main computes `canRetry`, `canCancel` and `instruction` as "not now" while a step of the
 * rotation is running, and its progress events are sent from inside that run; so the last
 * event of a run that stopped for the user still says "not now". The phase is exact in every
 * event: the offers follow from it through the same state table main uses, and main answers a
 * click that comes too early with "busy, wait for its step".
 */

export function offersRetry(view: RotationView): boolean {
  return allows(view.phase, 'retry');
}

export function offersCancel(view: RotationView): boolean {
  return allows(view.phase, 'cancel');
}

/** What the user is asked to do, in words; main's own wording when it sent one. */
export function instructionOf(view: RotationView, serviceName: string): string | null {
  if (view.instruction !== null) return view.instruction;
  switch (view.status) {
    case 'revoke-pending':
      return `The new token is current and its secret is safe in the keychain. The old token “${view.oldTokenName}” is still active at ${serviceName}: retry to revoke it.`;
    case 'rolled-back':
      return `Nothing changed: “${view.oldTokenName}” is still the current token.`;
    case 'needs-user':
      break;
    default:
      return null;
  }
  switch (view.waitingFor) {
    case 'secret':
      return `Create a new token in ${serviceName}'s dashboard named “${view.newTokenName}”, then paste its secret here. Keep the old token until TokenDesk has checked the new one.`;
    case 'revoke':
      return `The new token works and is now the one TokenDesk uses. Revoke the old token “${view.oldTokenName}” in ${serviceName}'s dashboard, then confirm here: TokenDesk checks that it no longer works before it calls the rotation done.`;
    case 'retry':
      return 'Retry to continue. Nothing was lost: every secret TokenDesk received is in the keychain.';
    case 'action':
    case null:
      return view.error === null ? null : view.error.message;
  }
}

/** One line for lists: where the rotation stands. */
export function statusText(view: RotationView): string {
  switch (view.status) {
    case 'running':
      return 'In progress';
    case 'rolling-back':
      return 'Undoing';
    case 'revoke-pending':
      return 'Old token still active: retry';
    case 'done':
      return proofOf(view) === null ? 'Finished' : 'Rotated and proven';
    case 'rolled-back':
      return 'Rolled back: nothing changed';
    case 'needs-user':
      switch (view.waitingFor) {
        case 'secret':
          return 'Waiting for the new token';
        case 'revoke':
          return 'Waiting for you to revoke the old token';
        case 'retry':
          return 'Stopped: retry';
        case 'action':
        case null:
          return 'Needs your action';
      }
  }
}
