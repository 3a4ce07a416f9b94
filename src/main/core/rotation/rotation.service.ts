import { AppError } from '../../../shared/errors';
import type { Account, Expiry, RotationView } from '../../../shared/model';
import { nextPhase, type RotationEvent } from '../../../shared/rotation-machine';
import type { ServiceToken } from '../providers/provider-adapter';
import { secretKeys } from '../secrets/secret-store';
import { prunableJournals } from './journal-retention';
import type { RotationLeases } from './rotation-leases';
import { auditRotation } from './rotation-audit';
import type { RotationRecoveredInput } from '../notices/recovery-notices';
import type { HeldSecrets, RotationPorts, StepDeps } from './rotation-deps';
import { newSecretKey } from './rotation-keychain';
import { prepareIntent } from './rotation-intent';
import { interruptTargetWrites, publishResultsOf } from './publish-step';
import { enter, phaseOf } from './rotation-phase';
import { isFinal, stepStarted, type RotationRecord } from './rotation-record';
import { lateTokensOf } from './rotation-rollback';
import { RotationRunner } from './rotation-runner';
import { cancellable, retryable, revealable, toView, whyNotCancellable } from './rotation-view';
import type { RunSignals } from './step-outcome';

/** Finished rotations shown besides the unfinished ones. */
const RECENT_FINISHED = 20;

/**
 * One-click rotation that never loses a secret or strands a token. Each rotation is a journaled
 * record driven by the runner; this service decides when a record may run (one run per rotation
 * at a time, one rotation per token), answers the user's calls, and resumes or undoes what a
 * crash interrupted.
 */
export class RotationService {
  private readonly runner: RotationRunner;
  /**
   * The one in-memory copy of each record this process touched. The runner and the user's calls
   * (reveal) mutate the same object, so the journal, written in call order, ends with all of it.
   */
  private readonly records = new Map<string, RotationRecord>();
  private readonly runs = new Map<string, Promise<void>>();
  /** Starts of one account are checked one after another, so two clicks cannot both pass. */
  private readonly startQueues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly held: HeldSecrets,
    private readonly ports: RotationPorts,
    private readonly leases: RotationLeases,
  ) {
    const deps: StepDeps = { ...ports, held: this.held, persist: (record) => this.persist(record) };
    this.runner = new RotationRunner(deps);
  }

  /** Checks, journals the intent and starts the rotation; it goes on in the background. */
  async start(
    accountId: string,
    tokenId: string,
    options: { expiry?: Expiry } = {},
  ): Promise<{ rotationId: string }> {
    const chosenLifetime = options.expiry ?? null;
    await this.leases.whenRecovered();
    const previous = this.startQueues.get(accountId) ?? Promise.resolve();
    const startNow = () => this.startNow(accountId, tokenId, chosenLifetime);
    const run = previous.then(startNow, startNow);
    this.startQueues.set(
      accountId,
      run.catch(() => undefined),
    );
    return run;
  }

  async list(): Promise<RotationView[]> {
    const records = await this.ports.journal.list();
    const unfinished = records.filter((record) => !isFinal(record));
    const finished = records.filter(isFinal).slice(0, RECENT_FINISHED);
    const accounts = await this.ports.registry.list();
    return [...unfinished, ...finished].map((record) =>
      this.viewWith(this.current(record), accounts),
    );
  }

  async view(rotationId: string): Promise<RotationView> {
    const record = await this.instance(rotationId);
    return this.viewWith(record, await this.ports.registry.list());
  }

  /** Resolves once no run of the rotation is under way (tests and the crash worker wait here). */
  async whenSettled(rotationId: string): Promise<RotationView> {
    for (let run = this.runs.get(rotationId); run !== undefined; run = this.runs.get(rotationId)) {
      await run;
    }
    return this.view(rotationId);
  }

  async provideSecret(rotationId: string, secret: string): Promise<RotationView> {
    const record = await this.idle(rotationId);
    if (phaseOf(record) !== 'awaiting-secret') {
      throw new AppError('CONFLICT', 'This rotation is not waiting for a secret.');
    }
    this.held.hold(rotationId, secret.trim());
    await this.drive(record, () => this.move(record, 'provide-secret'));
    return this.view(rotationId);
  }

  async confirmRevoked(rotationId: string): Promise<RotationView> {
    const record = await this.idle(rotationId);
    if (phaseOf(record) !== 'awaiting-revoke') {
      throw new AppError(
        'CONFLICT',
        'This rotation is not waiting for the old token to be revoked.',
      );
    }
    const signals: RunSignals = { revokeConfirmed: true };
    await this.drive(record, () => this.move(record, 'confirm-revoked', signals));
    return this.view(rotationId);
  }

  async retry(rotationId: string): Promise<RotationView> {
    const record = await this.idle(rotationId);
    if (!retryable(record)) {
      throw new AppError('CONFLICT', 'This rotation has nothing to retry.');
    }
    await auditRotation(this.ports, { ...this.ids(record), action: 'rotation.retried' });
    await this.drive(record, () => this.move(record, 'retry'));
    return this.view(rotationId);
  }

  async cancel(rotationId: string): Promise<RotationView> {
    const record = await this.idle(rotationId);
    if (!cancellable(record)) throw new AppError('CONFLICT', whyNotCancellable(record));
    await auditRotation(this.ports, { ...this.ids(record), action: 'rotation.cancelled' });
    record.error = null;
    await this.drive(record, () => this.move(record, 'cancel'));
    return this.view(rotationId);
  }

  /**
   * The new secret, once: like tokens:create, the one result that carries a secret. Only after
   * it is safe in the keychain; journaled as revealed before it is handed out.
   */
  async reveal(rotationId: string): Promise<{ secret: string }> {
    await this.leases.whenRecovered();
    const record = await this.instance(rotationId);
    if (!revealable(record, this.held.has(rotationId))) {
      throw new AppError(
        'CONFLICT',
        record.revealed
          ? 'The new secret was shown once already. Copy it from the token list instead.'
          : 'There is no new secret to show for this rotation.',
      );
    }
    const secret = await this.newSecretOf(record);
    if (secret === null) throw new AppError('NOT_FOUND', 'The keychain holds no new secret.');
    record.revealed = true;
    await this.persist(record);
    await auditRotation(this.ports, { ...this.ids(record), action: 'rotation.revealed' });
    return { secret };
  }

  /**
   * After every refresh of an account, with the list the service just gave: an undone rotation
   * whose create got no clear answer revokes the token if it has appeared since; a roll that may
   * still land is checked again (in the background).
   */
  async reconcile(accountId: string, tokens: readonly ServiceToken[]): Promise<void> {
    const listed = await this.ports.journal.list();
    for (const { rotationId } of listed.filter((record) => record.accountId === accountId)) {
      if (this.runs.has(rotationId)) continue;
      const record = await this.instance(rotationId);
      if (record.watchForLateToken && record.status === 'rolled-back') {
        const late = lateTokensOf(record, tokens);
        if (late.length > 0) await this.drive(record, () => this.runner.revokeLate(record, late));
      } else if (
        record.status === 'needs-user' &&
        record.waitingFor === 'retry' &&
        rollAnswerMissing(record)
      ) {
        // As the user's retry would: the table moves it on, and the roll is judged from the list.
        void this.drive(record, () => this.move(record, 'retry'));
      }
    }
  }

  /**
   * Called once at start: every unfinished rotation resumes or is undone, without asking the
   * user again. Rotations waiting for the user (a paste, a dashboard revoke) keep waiting. Then
   * the journals of long-finished rotations are pruned.
   */
  recover(): Promise<void> {
    const recovery = this.recoverAll();
    // Synchronously, so that no call that arrives after start slips in before the gate closes.
    this.leases.holdUntil(recovery);
    return recovery;
  }

  private async recoverAll(): Promise<void> {
    const records = await this.ports.journal.list();
    // What the state table says a restart does; a rotation stopped for the user keeps waiting.
    const pending = records
      .filter((record) => !this.records.has(record.rotationId))
      .filter((record) => nextPhase(phaseOf(record), 'restart') !== null);
    for (const record of pending) this.records.set(record.rotationId, record);
    await Promise.all(
      pending.map(async (record) => {
        markInterrupted(record, this.ports.clock.now().toISOString());
        await auditRotation(this.ports, { ...this.ids(record), action: 'rotation.recovered' });
        return this.drive(record, () => this.move(record, 'restart'));
      }),
    );
    try {
      await this.tellRecovered(pending.map((record) => this.current(record)));
    } catch (error) {
      // The journals and the audit log still say what happened; only the notice is missing.
      this.ports.log.warn('could not tell the user about recovered rotations', { error });
    }
    await this.pruneFinished(records.map((record) => this.current(record)));
  }

  /** One notice per recovered rotation: how it ended and which secret each target holds. */
  private async tellRecovered(records: readonly RotationRecord[]): Promise<void> {
    if (records.length === 0) return;
    const accounts = await this.ports.registry.list();
    for (const record of records) {
      const account = accounts.find((candidate) => candidate.id === record.accountId);
      const outcome = recoveryOutcome(record);
      await this.ports.tellRecovered({
        rotationId: record.rotationId,
        accountLabel: account === undefined ? 'a removed account' : account.label,
        tokenName: record.oldTokenName,
        outcome,
        targets: publishResultsOf(record)
          .filter((result) => result.state !== 'unbound')
          .map(({ target, holds }) => ({ target, holds })),
        detail: outcome === 'needs-you' && record.error !== null ? record.error.message : null,
      });
    }
  }

  /** Old finished journals go once recovery is over; failing to delete one only costs disk. */
  private async pruneFinished(records: readonly RotationRecord[]): Promise<void> {
    const prunable = prunableJournals(records, this.ports.clock.now()).filter(
      (rotationId) => !this.runs.has(rotationId),
    );
    try {
      for (const rotationId of prunable) {
        await this.ports.journal.remove(rotationId);
        this.records.delete(rotationId);
      }
    } catch (error) {
      this.ports.log.warn('could not prune finished rotation journals', { error });
      return;
    }
    if (prunable.length > 0) {
      this.ports.log.info('finished rotation journals pruned', { count: prunable.length });
    }
  }

  private async startNow(
    accountId: string,
    tokenId: string,
    chosenLifetime: Expiry | null,
  ): Promise<{ rotationId: string }> {
    const record = await prepareIntent(this.ports, accountId, tokenId, chosenLifetime);
    this.records.set(record.rotationId, record);
    await this.persist(record);
    await auditRotation(this.ports, { ...this.ids(record), action: 'rotation.started' });
    await this.ports.checkpoint('intent:done');
    void this.drive(record, () => this.runner.forward(record));
    return { rotationId: record.rotationId };
  }

  /**
   * A user's call or a restart moves the rotation along the state table; the runner then undoes
   * it or carries it forward (through the check of a roll whose answer is missing).
   */
  private move(
    record: RotationRecord,
    event: RotationEvent,
    signals: RunSignals = {},
  ): Promise<void> {
    const phase = enter(record, event, this.ports.clock.now().toISOString());
    if (phase === 'undoing') return this.runner.rollback(record);
    if (rollAnswerMissing(record)) return this.runner.checkRoll(record);
    return this.runner.forward(record, signals);
  }

  /**
   * Runs `work` as the only run of this rotation. Whatever it throws (a journal that cannot be
   * written, a bug) is logged; the last journaled state stands and recovery takes it from there.
   */
  private drive(record: RotationRecord, work: () => Promise<void>): Promise<void> {
    const { rotationId } = record;
    if (this.runs.has(rotationId)) {
      return Promise.reject(new AppError('CONFLICT', 'This rotation is busy; wait for its step.'));
    }
    const run = work()
      .catch((error: unknown) => {
        this.ports.log.error('rotation stopped unexpectedly', { rotationId, error });
      })
      .finally(() => {
        this.runs.delete(rotationId);
        if (isFinal(record)) this.held.drop(rotationId);
        // The run's own events were sent while it ran; this one says what the user may do now.
        return this.announce(record);
      });
    this.runs.set(rotationId, run);
    return run;
  }

  /** The record if no run of it is under way; a user call may not cut into a running step. */
  private async idle(rotationId: string): Promise<RotationRecord> {
    await this.leases.whenRecovered();
    if (this.runs.has(rotationId)) {
      throw new AppError('CONFLICT', 'This rotation is busy; wait for its step to finish.');
    }
    return this.instance(rotationId);
  }

  private async instance(rotationId: string): Promise<RotationRecord> {
    const known = this.records.get(rotationId);
    if (known !== undefined) return known;
    const loaded = await this.ports.journal.get(rotationId);
    // Another call may have loaded it while this one read the file: keep the first copy.
    const raced = this.records.get(rotationId);
    if (raced !== undefined) return raced;
    this.records.set(rotationId, loaded);
    return loaded;
  }

  private current(record: RotationRecord): RotationRecord {
    return this.records.get(record.rotationId) ?? record;
  }

  private async persist(record: RotationRecord): Promise<void> {
    record.updatedAt = this.ports.clock.now().toISOString();
    await this.ports.journal.write(record);
    this.leases.track(record);
    const accounts = await this.ports.registry.list();
    this.ports.emit('rotation:progress', this.viewWith(record, accounts));
  }

  private async announce(record: RotationRecord): Promise<void> {
    try {
      const accounts = await this.ports.registry.list();
      this.ports.emit('rotation:progress', this.viewWith(this.current(record), accounts));
    } catch (error) {
      this.ports.log.warn('could not announce a rotation after its run', {
        rotationId: record.rotationId,
        error,
      });
    }
  }

  private async newSecretOf(record: RotationRecord): Promise<string | null> {
    const inMemory = this.held.get(record.rotationId);
    if (inMemory !== undefined) return inMemory;
    if (record.newTokenId === null) return null;
    const pending = await this.ports.secrets.get(newSecretKey(record));
    if (pending !== null || !record.isManagementCredential) return pending;
    return this.ports.secrets.get(secretKeys.management(record.accountId));
  }

  private viewWith(record: RotationRecord, accounts: readonly Account[]): RotationView {
    const account = accounts.find((candidate) => candidate.id === record.accountId);
    const adapter = account === undefined ? undefined : this.ports.providers.find(account.provider);
    return toView(record, {
      serviceName: adapter === undefined ? 'the service' : adapter.info.name,
      tokenPageUrl: account === undefined ? null : account.tokenPageUrl,
      running: this.runs.has(record.rotationId),
      holdsSecret: this.held.has(record.rotationId),
      fixedLifetimes: adapter !== undefined && adapter.info.capabilities.expiryDays !== null,
    });
  }

  private ids(record: RotationRecord) {
    return {
      rotationId: record.rotationId,
      accountId: record.accountId,
      oldTokenId: record.oldTokenId,
      newTokenId: record.newTokenId,
    };
  }
}

function recoveryOutcome(record: RotationRecord): RotationRecoveredInput['outcome'] {
  switch (phaseOf(record)) {
    case 'done':
      return 'rotated';
    case 'rolled-back':
      return 'undone';
    case 'revoke-pending':
      return 'revoke-pending';
    default:
      return 'needs-you';
  }
}

/** The roll went out, and the journal never learned the new token: its answer may be lost. */
function rollAnswerMissing(record: RotationRecord): boolean {
  return record.method === 'roll' && record.rollAttempted && record.newTokenId === null;
}

/** A step journaled as running when the process died was cut off: it counts as failed. */
function markInterrupted(record: RotationRecord, now: string): void {
  interruptTargetWrites(record, now);
  for (const entry of Object.values(record.steps)) {
    if (entry.state === 'running') {
      entry.state = 'failed';
      entry.endedAt = now;
    }
  }
  if (record.error === null && stepStarted(record, 'create')) {
    record.error = {
      code: 'INTERNAL',
      message: 'TokenDesk stopped in the middle of this rotation (it was closed or crashed).',
    };
  }
}
