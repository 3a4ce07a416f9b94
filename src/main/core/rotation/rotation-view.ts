import { rotationSteps, type Expiry, type RotationView } from '../../../shared/model';
import {
  isFinal,
  nextStep,
  pastPointOfNoReturn,
  stepFinished,
  stepStarted,
  type RotationRecord,
} from './rotation-record';

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

/** Whether the user may cancel: only before the new token exists (and never mid-step). */
export function cancellable(record: RotationRecord): boolean {
  if (isFinal(record) || record.direction === 'rollback') return false;
  if (!stepStarted(record, 'create')) return true;
  if (record.method === 'guided') return record.waitingFor === 'secret';
  // An overlap rotation stopped before promote (e.g. a publish target failed): cancel undoes it.
  return (
    record.method === 'overlap' && !pastPointOfNoReturn(record) && record.status === 'needs-user'
  );
}

export function retryable(record: RotationRecord): boolean {
  if (record.status === 'revoke-pending') return true;
  return (
    record.status === 'needs-user' &&
    (record.waitingFor === 'retry' || record.waitingFor === 'action')
  );
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
    case 'rolled-back':
      return record.watchForLateToken
        ? `“${record.oldTokenName}” is still the current token. The service may still create the new token it did not answer for: TokenDesk watches for it.`
        : `Nothing changed: “${record.oldTokenName}” is still the current token.`;
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
    steps: rotationSteps.map((step) => ({ step, ...record.steps[step] })),
    error: record.error,
    instruction: facts.running ? null : instructionFor(record, facts),
    tokenPageUrl: facts.tokenPageUrl,
    publishResults: record.publishResults,
    revealAvailable: revealable(record, facts.holdsSecret),
    canRetry: !facts.running && retryable(record),
    canCancel: !facts.running && cancellable(record),
    startedAt: record.startedAt,
    updatedAt: record.updatedAt,
    finishedAt: record.finishedAt,
  };
}
