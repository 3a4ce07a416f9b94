import type { RotationStep } from '../../../shared/model';
import type { RotationEvent } from '../../../shared/rotation-machine';
import type { ServiceToken } from '../providers/provider-adapter';
import { createStep } from './create-step';
import { revokeAndConfirm } from './revoke-check';
import { storeStep, verifyStep } from './check-steps';
import { publishStep } from './publish-step';
import { promoteStep } from './promote-step';
import { revokeStep } from './revoke-step';
import type { StepDeps } from './rotation-deps';
import { codeOf, failureKind, toErrorInfo } from './rotation-failure';
import { auditRotation } from './rotation-audit';
import { judgeRoll, undoRotation, type RollVerdict, type UndoOutcome } from './rotation-rollback';
import { enter, hasWayBack, phaseOf, type StopReason } from './rotation-phase';
import { nextStep, type RotationRecord } from './rotation-record';
import type { RunSignals, StepOutcome } from './step-outcome';

/**
 * How long a roll without a clear answer may still land at the service. Services end a request
 * within a minute or two (GitLab's Rack timeout is 60 s); until this has passed, an old token
 * that still works does not prove that the roll never happened.
 */
export const LATE_LANDING_MS = 10 * 60_000;

const STILL_LOOKING =
  'TokenDesk looks again at every refresh of the account (retry looks now) and never rolls twice.';

const WATCHING =
  "The new token is not in the service's list yet: TokenDesk looks for it at every refresh of the account and revokes it if it appears.";

type StepRun = (
  record: RotationRecord,
  deps: StepDeps,
  signals: RunSignals,
) => Promise<StepOutcome>;

const stepRuns: Record<Exclude<RotationStep, 'intent'>, StepRun> = {
  create: createStep,
  store: storeStep,
  verify: verifyStep,
  publish: publishStep,
  promote: promoteStep,
  revoke: revokeStep,
};

/**
 * Drives one rotation record: forward step by step, back (rollback), or through the check of a
 * roll whose answer was lost. Every state change is journaled before the next action, and every
 * failure ends in a state that says what happens next; nothing here throws to the caller except
 * a journal that cannot be written (then the last journaled state is what recovery sees).
 * Status, direction and what the rotation waits for change only through `enter`, along the state
 * table (src/shared/rotation-machine.ts); callers enter the user's and recovery's events first.
 */
export class RotationRunner {
  constructor(private readonly deps: StepDeps) {}

  async forward(record: RotationRecord, signals: RunSignals = {}): Promise<void> {
    for (;;) {
      const step = nextStep(record);
      if (step === null) return this.finish(record);
      if (step === 'intent') throw new Error('a rotation record without its intent');
      if (!(await this.runStep(record, step, signals))) return;
    }
  }

  /**
   * Undo (before promote only). A failure leaves it resumable: retry continues the undo. Called
   * from a failure of the run itself unless the caller entered the undo already (cancel, retry,
   * recovery).
   */
  async rollback(record: RotationRecord): Promise<void> {
    if (phaseOf(record) !== 'undoing') enter(record, 'fail-undo', this.now());
    await this.deps.persist(record);
    await this.audit(record, 'rotation.rollback', { outcome: 'started' });
    await this.deps.checkpoint('rollback:started');
    let undone: UndoOutcome;
    try {
      undone = await undoRotation(record, this.deps);
    } catch (error) {
      const info = toErrorInfo(error, this.deps.log);
      const why =
        record.error === null ? '' : ` The rotation had stopped because: ${record.error.message}`;
      record.error = {
        code: info.code,
        message: `Undoing the rotation failed: ${info.message}${why} The new token's secret is kept until it is revoked.`,
      };
      return this.move(record, 'undo-failed');
    }
    if (record.error !== null) {
      record.error = { ...record.error, message: withUndoFindings(record.error.message, undone) };
    }
    enter(record, 'undo-finished', this.now());
    await this.deps.persist(record);
    await this.audit(record, 'rotation.rolled-back', {
      errorCode: record.error?.code ?? null,
      ...(undone.watchingForLateToken ? { outcome: 'watching-for-late-token' } : {}),
    });
  }

  /** A roll without a clear answer: find out from the service what happened; never roll again. */
  async checkRoll(record: RotationRecord): Promise<void> {
    await this.deps.persist(record);
    let verdict: RollVerdict;
    try {
      verdict = await judgeRoll(record, this.deps);
    } catch (error) {
      const info = toErrorInfo(error, this.deps.log);
      const lockedOut = record.isManagementCredential && info.code === 'AUTH_FAILED';
      record.error = {
        code: info.code,
        message: lockedOut
          ? 'The service no longer accepts TokenDesk’s credential for this account: the roll probably happened and its answer was lost. Create a new token in the service, then give it to TokenDesk with “Update credential…” in the account’s menu.'
          : `TokenDesk cannot tell yet whether the roll happened: ${info.message} Retry to check again (it never rolls twice).`,
      };
      return this.move(record, 'fail-stop', lockedOut ? 'action' : 'retry');
    }
    switch (verdict.kind) {
      case 'not-rolled':
        if (this.rollMayStillLand(record)) {
          const said = record.error?.message ?? '';
          record.error = {
            code: record.error?.code ?? 'TIMEOUT',
            message: said.includes(STILL_LOOKING)
              ? said
              : `${said} The old token “${record.oldTokenName}” still works: the service has not rolled it, or not yet. ${STILL_LOOKING}`.trim(),
          };
          return this.move(record, 'fail-stop', 'retry');
        }
        // Nothing changed at the service: the old token is current, as before the rotation.
        enter(record, 'roll-not-made', this.now());
        await this.deps.persist(record);
        await this.audit(record, 'rotation.rolled-back', { errorCode: record.error?.code ?? null });
        return;
      case 'adopted':
        record.newTokenId = verdict.token.id;
        record.newToken = verdict.token;
        record.steps.create = { ...record.steps.create, state: 'done', endedAt: this.now() };
        record.error = null;
        await this.deps.persist(record);
        return this.forward(record);
      case 'lost': {
        const [orphan, ...others] = verdict.candidates;
        if (orphan !== undefined && others.length === 0 && !record.isManagementCredential) {
          return this.rollOrphan(record, orphan.id);
        }
        const names = verdict.candidates.map((t) => `“${t.name}” (id ${t.id})`).join(', ');
        record.error = {
          code: 'CONFLICT',
          message:
            verdict.candidates.length === 0
              ? `The service rolled “${record.oldTokenName}” but its answer, with the new secret, was lost, and the new token is not in its list. Check the token in the service's dashboard.`
              : `The service rolled “${record.oldTokenName}” but its answer, with the new secret, was lost before it reached the keychain. The new token ${names} works but nobody holds its secret: rotate that token again from TokenDesk (or revoke it in the dashboard).`,
        };
        return this.move(record, 'fail-stop', 'action');
      }
    }
  }

  /**
   * An undone rotation's create, which got no clear answer, landed at the service after all:
   * the tokens it made are revoked and the rotation says so. A failure leaves the watch on.
   */
  async revokeLate(record: RotationRecord, late: readonly ServiceToken[]): Promise<void> {
    for (const token of late) {
      await this.deps.checkpoint('call:revokeToken');
      await revokeAndConfirm(this.deps, record.accountId, token.id);
      await this.deps.cache.patchTokens(record.accountId, (tokens) =>
        tokens.filter((t) => t.id !== token.id),
      );
    }
    const names = late.map((token) => `“${token.name}”`).join(', ');
    const said = (record.error?.message ?? '').replace(WATCHING, '').trim();
    record.watchForLateToken = false;
    record.error = {
      code: record.error?.code ?? 'CONFLICT',
      message:
        `${said} The service completed the create later after all (${names}): TokenDesk revoked that token. “${record.oldTokenName}” is still the current token.`.trim(),
    };
    await this.deps.persist(record);
    await this.audit(record, 'rotation.late-token-revoked', { outcome: 'revoked' });
    await this.deps.inventory.announce(record.accountId);
  }

  /**
   * The roll happened and its answer, the only copy of the new secret, is lost. The orphan it made
   * is rolled in turn, with the account's credential: the service revokes it and answers with a
   * secret that reaches the keychain like any roll's. Reuse detection is not involved, because the
   * dead old secret is never sent.
   */
  private async rollOrphan(record: RotationRecord, orphanId: string): Promise<void> {
    record.rollTargetId = orphanId;
    record.rollAttempted = false;
    record.steps.create = { state: 'pending', startedAt: null, endedAt: null };
    record.error = null;
    await this.deps.persist(record);
    await this.audit(record, 'rotation.step', { step: 'create', outcome: 'orphan-rolled-again' });
    return this.forward(record);
  }

  /** The roll went out recently enough that the service may still be doing it. */
  private rollMayStillLand(record: RotationRecord): boolean {
    const sent = record.steps.create.startedAt;
    if (sent === null) return false;
    return this.deps.clock.now().getTime() - Date.parse(sent) < LATE_LANDING_MS;
  }

  /** Journals the step as running, runs it, journals the outcome; false when the run stops. */
  private async runStep(
    record: RotationRecord,
    step: Exclude<RotationStep, 'intent'>,
    signals: RunSignals,
  ): Promise<boolean> {
    const entry = record.steps[step];
    entry.state = 'running';
    entry.startedAt = this.now();
    entry.endedAt = null;
    await this.deps.persist(record);
    await this.audit(record, 'rotation.step', { step, outcome: 'started' });
    await this.deps.checkpoint(`${step}:started`);
    let outcome: StepOutcome;
    try {
      outcome = await stepRuns[step](record, this.deps, signals);
    } catch (error) {
      entry.state = 'failed';
      entry.endedAt = this.now();
      await this.audit(record, 'rotation.step', {
        step,
        outcome: 'failed',
        errorCode: codeOf(error),
      });
      await this.onFailure(record, step, error);
      return false;
    }
    if (outcome.kind === 'wait') {
      entry.state = 'pending';
      entry.startedAt = null;
      await this.move(record, outcome.waitFor === 'secret' ? 'await-secret' : 'await-revoke');
      return false;
    }
    entry.state = outcome.kind;
    entry.endedAt = this.now();
    record.error = null;
    await this.deps.persist(record);
    await this.audit(record, 'rotation.step', { step, outcome: outcome.kind });
    await this.deps.checkpoint(`${step}:done`);
    return true;
  }

  /** What a failed step leads to: back while there is a way back, otherwise forward or to the user. */
  private async onFailure(record: RotationRecord, step: RotationStep, error: unknown) {
    record.error = toErrorInfo(error, this.deps.log);
    const kind = failureKind(error);
    const code = codeOf(error);
    if (step === 'revoke') {
      // The new token is current and safe; only the old one's end is outstanding.
      return this.move(record, record.method === 'guided' ? 'await-revoke' : 'fail-revoke');
    }
    if (kind === 'roll-uncertain') return this.checkRoll(record);
    if (record.method === 'guided' && step !== 'promote') {
      const rejected =
        kind === 'pasted-rejected' ||
        kind === 'secret-lost' ||
        (step === 'verify' && (code === 'AUTH_FAILED' || code === 'FORBIDDEN'));
      if (rejected && step !== 'publish') return this.askForAnotherSecret(record);
      return this.move(record, 'fail-stop', kind === 'publish-partial' ? 'action' : 'retry');
    }
    if (hasWayBack(record)) {
      // Some targets hold the new secret already: undoing would rewrite them, going on would
      // leave the others behind. Both tokens work, so the user chooses: retry or cancel.
      if (kind === 'publish-partial') return this.move(record, 'fail-stop-undoable', 'action');
      return this.rollback(record);
    }
    const onlyTheUser = kind === 'secret-lost' || kind === 'publish-partial';
    return this.move(record, 'fail-stop', onlyTheUser ? 'action' : 'retry');
  }

  /** Guided: the pasted secret is not a working new token; forget it and wait for another. */
  private async askForAnotherSecret(record: RotationRecord): Promise<void> {
    await undoRotation(record, this.deps);
    record.newTokenId = null;
    record.newToken = null;
    for (const step of ['create', 'store', 'verify'] as const) {
      record.steps[step] = { state: 'pending', startedAt: null, endedAt: null };
    }
    if (record.error !== null) {
      record.error = {
        ...record.error,
        message: `${record.error.message} Paste the secret of a new, working token (if you created one that is wrong, revoke it in the dashboard).`,
      };
    }
    await this.move(record, 'await-secret');
  }

  /** Enters a stop of the state table, journals it and audits it. */
  private async move(
    record: RotationRecord,
    event: RotationEvent,
    reason: StopReason = 'retry',
  ): Promise<void> {
    enter(record, event, this.now(), reason);
    await this.deps.persist(record);
    const { status, waitingFor } = record;
    await this.audit(record, `rotation.${status}`, {
      outcome: waitingFor === null ? status : `waiting-for-${waitingFor}`,
      errorCode: record.error?.code ?? null,
    });
  }

  private async finish(record: RotationRecord): Promise<void> {
    enter(record, 'finished', this.now());
    await this.deps.persist(record);
    this.deps.held.drop(record.rotationId);
    await this.audit(record, 'rotation.done', { outcome: 'done' });
    await this.deps.checkpoint('rotation:done');
  }

  private audit(
    record: RotationRecord,
    action: string,
    fields: { step?: string; outcome?: string; errorCode?: string | null },
  ): Promise<void> {
    return auditRotation(this.deps, {
      action,
      rotationId: record.rotationId,
      accountId: record.accountId,
      oldTokenId: record.oldTokenId,
      newTokenId: record.newTokenId,
      ...fields,
    });
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

/** What the undo found out, added to the reason the rotation stopped. */
function withUndoFindings(message: string, undone: UndoOutcome): string {
  if (undone.foundByMarker.length > 0) {
    const names = undone.foundByMarker.map((token) => `“${token.name}”`).join(', ');
    return `${message} It had created the token (${names}): TokenDesk found it in the service's list and revoked it.`;
  }
  if (undone.watchingForLateToken) return `${message} ${WATCHING}`;
  return message;
}
