import { AppError } from '../../../shared/errors';
import { leaseReason } from '../../../shared/lease';
import type { Lease } from '../../../shared/model';
import type { RotationJournal } from './rotation-journal';
import { isFinal, type RotationRecord } from './rotation-record';

interface Holder {
  accountId: string;
  tokenIds: string[];
  /** A rotation of TokenDesk's own credential holds every token of the account. */
  wholeAccount: boolean;
  lease: Lease;
}

type Listener = (accountId: string) => void;

/**
 * Which tokens and accounts unfinished rotations hold. Read from the journal once, then kept up
 * to date by the rotation service on every journal write, so a check costs no disk read. Also
 * the gate every leased action and every rotation call waits at while recovery runs: until the
 * journals are resumed or undone, nobody knows which tokens they will leave.
 */
export class RotationLeases {
  private readonly holders = new Map<string, Holder>();
  /** Rotations written since start: what the journal says of them is older. */
  private readonly seen = new Set<string>();
  private loaded: Promise<void> | null = null;
  private recovery: Promise<void> = Promise.resolve();
  private readonly listeners: Listener[] = [];

  constructor(private readonly journal: RotationJournal) {}

  /** Called with every record as it is journaled. */
  track(record: RotationRecord): void {
    this.seen.add(record.rotationId);
    const before = this.holders.get(record.rotationId);
    if (isFinal(record)) this.holders.delete(record.rotationId);
    else this.holders.set(record.rotationId, holderOf(record));
    const after = this.holders.get(record.rotationId);
    if (!sameHold(before, after)) this.changed(record.accountId);
  }

  /** Leased actions and rotation calls wait until `work` (recovery) has settled. */
  holdUntil(work: Promise<unknown>): void {
    this.recovery = work.then(
      () => undefined,
      () => undefined,
    );
  }

  whenRecovered(): Promise<void> {
    return this.recovery;
  }

  /** Told the account whose leases changed, so its token list can be announced again. */
  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  async ofToken(accountId: string, tokenId: string): Promise<Lease | null> {
    await this.load();
    return this.tokenLease(accountId, tokenId);
  }

  async ofAccount(accountId: string): Promise<Lease | null> {
    await this.load();
    return this.accountLease(accountId);
  }

  /** Every lease of an account's tokens, for listing them without a lookup per token. */
  async tokensOf(accountId: string): Promise<(tokenId: string) => Lease | null> {
    await this.load();
    return (tokenId) => this.tokenLease(accountId, tokenId);
  }

  /**
   * Refuses `what` (e.g. "revoke this token") while a rotation holds the token. Waits for
   * recovery first.
   */
  async requireTokenFree(accountId: string, tokenId: string, what: string): Promise<void> {
    await this.recovery;
    refuse(await this.ofToken(accountId, tokenId), what);
  }

  async requireAccountFree(accountId: string, what: string): Promise<void> {
    await this.recovery;
    refuse(await this.ofAccount(accountId), what);
  }

  private tokenLease(accountId: string, tokenId: string): Lease | null {
    for (const holder of this.holders.values()) {
      if (holder.accountId !== accountId) continue;
      if (holder.wholeAccount || holder.tokenIds.includes(tokenId)) return holder.lease;
    }
    return null;
  }

  private accountLease(accountId: string): Lease | null {
    for (const holder of this.holders.values()) {
      if (holder.accountId === accountId) return holder.lease;
    }
    return null;
  }

  private load(): Promise<void> {
    this.loaded ??= this.journal.list().then(
      (records) => {
        for (const record of records) {
          if (this.seen.has(record.rotationId) || isFinal(record)) continue;
          this.holders.set(record.rotationId, holderOf(record));
        }
      },
      (error: unknown) => {
        // Unreadable now (the folder locked, say): the next question reads it again.
        this.loaded = null;
        throw error;
      },
    );
    return this.loaded;
  }

  private changed(accountId: string): void {
    for (const listener of this.listeners) listener(accountId);
  }
}

function holderOf(record: RotationRecord): Holder {
  const tokenIds = [record.oldTokenId];
  if (record.newTokenId !== null) tokenIds.push(record.newTokenId);
  return {
    accountId: record.accountId,
    tokenIds,
    wholeAccount: record.isManagementCredential,
    lease: { rotationId: record.rotationId, tokenName: record.oldTokenName },
  };
}

function sameHold(a: Holder | undefined, b: Holder | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.tokenIds.join('\n') === b.tokenIds.join('\n');
}

function refuse(lease: Lease | null, what: string): void {
  if (lease === null) return;
  throw new AppError(
    'ROTATION_UNFINISHED',
    `TokenDesk cannot ${what} while a rotation holds it. ${leaseReason(lease)}`,
  );
}
