import { rotationSteps, type Expiry, type RotationView } from '../../../shared/model';
import { allows } from '../../../shared/rotation-machine';
import { publishResultsOf } from './publish-step';
import { phaseOf } from './rotation-phase';
import { nextStep, stepFinished, type RotationRecord } from './rotation-record';

export interface ViewFacts {
  serviceName: string;
  tokenPageUrl: string | null;
  /** A step of this rotation is running in this process right now. */
  running: boolean;
  /** The new secret is held in memory (e.g. the keychain refused it after a roll). */
  holdsSecret: boolean;
  /** The dashboard offers fixed lifetimes (Podstack), so the user is told which to pick. */
  fixedLifetimes: boolean;
}

/** Whether the user may cancel (undo): only while the state table allows it. */
export function cancellable(record: RotationRecord): boolean {
  return allows(phaseOf(record), 'cancel');
}

export function retryable(record: RotationRecord): boolean {
  return allows(phaseOf(record), 'retry');
}

/** The answer to a cancel the state table refuses, in words. */
export function whyNotCancellable(record: RotationRecord): string {
  switch (phaseOf(record)) {
    case 'done':
    case 'rolled-back':
      return 'This rotation is over; there is nothing to cancel.';
    case 'undoing':
    case 'undo-stopped':
      return 'This rotation is being undone already; retry to continue the undo.';
    default:
      return record.method === 'roll' && !stepFinished(record, 'promote')
        ? 'There is no going back: the roll already ended the old token. Retry to carry the rotation forward.'
        : 'It is too late to cancel: the new token is in use and the old one is being retired. Let the rotation finish, or retry it.';
  }
}

export function revealable(record: RotationRecord, holdsSecret: boolean): boolean {
  if (record.method === 'guided' || record.revealed) return false;
  if (record.direction === 'rollback' || record.status === 'rolled-back') return false;
  return holdsSecret || (record.newTokenId !== null && stepFinished(record, 'store'));
}

/** The dashboard's words for a lifetime: the old token's, so the rotation keeps it. */
function lifetimeWords(expiry: Expiry): string {
  return expiry.kind === 'never' ? '“Never”' : `in “${expiry.days} days”`;
}

function instructionFor(record: RotationRecord, facts: ViewFacts): string | null {
  const service = facts.serviceName;
  const { replacement } = record;
  switch (record.status) {
    case 'revoke-pending':
      return `The new token is current and its secret is safe in the keychain. The old token “${record.oldTokenName}” is still active at ${service}: retry to revoke it.`;
    case 'rolled-back': {
      const restored = record.publishTargets.filter((t) => t.state === 'restored-old');
      const back =
        restored.length === 0
          ? ''
          : ` The old secret is back on ${restored.map((t) => `“${t.label}”`).join(', ')} (read back).`;
      return record.watchForLateToken
        ? `“${record.oldTokenName}” is still the current token.${back} The service may still create the new token it did not answer for: TokenDesk watches for it.`
        : `Nothing changed: “${record.oldTokenName}” is still the current token.${back}`;
    }
    case 'needs-user':
      break;
    default:
      return null;
  }
  switch (record.waitingFor) {
    case 'secret': {
      const where = [
        replacement.project === null ? null : `in project “${replacement.project}”`,
        replacement.role === null ? null : `with the role ${replacement.role}`,
        facts.fixedLifetimes ? `expiring ${lifetimeWords(replacement.expiry)}` : null,
      ]
        .filter((part) => part !== null)
        .join(' ');
      return `Create a new token in ${service}'s dashboard named “${replacement.name}”${where === '' ? '' : ` ${where}`}, then paste its secret here. Keep the old token until TokenDesk has checked the new one.`;
    }
    case 'revoke':
      return `The new token works and is now the one TokenDesk uses. Revoke the old token “${record.oldTokenName}” in ${service}'s dashboard, then confirm here: TokenDesk checks that it no longer works before it calls the rotation done.`;
    case 'retry': {
      const step = nextStep(record);
      const where =
        record.direction === 'rollback' ? 'undoing the rotation' : `the ${step ?? 'last'} step`;
      return facts.holdsSecret && !stepFinished(record, 'store')
        ? `Retry to continue from ${where}. The new secret is held in memory until the keychain takes it; if TokenDesk quits first, the next start undoes or repeats the unfinished step, so no token is left without its secret.`
        : `Retry to continue from ${where}. Nothing was lost: every secret TokenDesk received is in the keychain.`;
    }
    case 'action':
      return record.error === null ? null : record.error.message;
    default:
      return null;
  }
}

/** The public face of a journal record: ids, states and words, never a secret. */
export function toView(record: RotationRecord, facts: ViewFacts): RotationView {
  return {
    rotationId: record.rotationId,
    accountId: record.accountId,
    method: record.method,
    oldTokenId: record.oldTokenId,
    oldTokenName: record.oldTokenName,
    newTokenId: record.newTokenId,
    newTokenName: record.replacement.name,
    isManagementCredential: record.isManagementCredential,
    status: record.status,
    waitingFor: record.waitingFor,
    phase: phaseOf(record),
    steps: rotationSteps.map((step) => ({ step, ...record.steps[step] })),
    error: record.error,
    instruction: facts.running ? null : instructionFor(record, facts),
    tokenPageUrl: facts.tokenPageUrl,
    publishResults: publishResultsOf(record),
    revealAvailable: revealable(record, facts.holdsSecret),
    canRetry: !facts.running && retryable(record),
    canCancel: !facts.running && cancellable(record),
    startedAt: record.startedAt,
    updatedAt: record.updatedAt,
    finishedAt: record.finishedAt,
  };
}
