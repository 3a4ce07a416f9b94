import type { PublishBinding, TokenInfo } from '../../../../shared/model';
import type { InventoryService } from '../../inventory/inventory.service';
import type { Logger } from '../../log/logger';
import type { RotationLeases } from '../../rotation/rotation-leases';
import { secretKeys, type SecretStore } from '../../secrets/secret-store';
import { mapWithConcurrency } from '../../util/concurrency';
import type { PublishBindings } from '../publish-bindings';
import type { PublishResult } from '../publisher';
import type { PublishService } from '../publish.service';
import { driftMessage, driftOf, type DriftState } from './drift-verdict';
import { readTarget, type ReadbackDeps } from './target-readback';

/** Few at a time: each check is a request to GitHub or GitLab, or a file read. */
export const DRIFT_CHECK_CONCURRENCY = 4;

/** A target that no longer holds its token's current secret. No value, only the verdict. */
export interface DriftFinding {
  bindingId: string;
  accountId: string;
  tokenId: string;
  state: DriftState;
  message: string;
}

export interface DriftDeps extends ReadbackDeps {
  bindings: PublishBindings;
  inventory: InventoryService;
  secrets: SecretStore;
  publishing: PublishService;
  leases: RotationLeases;
  log: Logger;
}

/**
 * Checks that every publish target still holds the current secret of its token: someone may
 * have edited the CI variable, restored an old .env, or the token may have died. Findings are
 * kept in memory until the next check (they appear in Needs attention); a target that could not
 * be checked (service away) is left as it was last judged.
 */
export class DriftService {
  private readonly findings = new Map<string, DriftFinding>();
  private running: Promise<number> | null = null;
  private readonly listeners: Array<() => void> = [];

  constructor(private readonly deps: DriftDeps) {}

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  findingsOf(accountId: string, tokenId: string): DriftFinding[] {
    return this.all().filter(
      (finding) => finding.accountId === accountId && finding.tokenId === tokenId,
    );
  }

  all(): DriftFinding[] {
    return [...this.findings.values()];
  }

  /** Checks every binding (one check at a time; a second call joins the running one). */
  checkAll(): Promise<number> {
    this.running ??= this.checkBindings(null).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Starts a check without waiting for it: after a refresh. */
  checkInBackground(): void {
    this.checkAll().catch((error: unknown) => {
      this.deps.log.warn('checking publish targets failed', { error });
    });
  }

  /**
   * "Publish again": the token's current secret to each of its drifted targets, then a check of
   * those targets, so the item clears only when the target really holds it.
   */
  async publishAgain(accountId: string, tokenId: string): Promise<PublishResult[]> {
    const drifted = this.findingsOf(accountId, tokenId).map((finding) => finding.bindingId);
    const bound = await this.deps.bindings.of(accountId, tokenId);
    const targetIds = drifted.length > 0 ? drifted : bound.map((binding) => binding.id);
    const results = await this.deps.publishing.run(accountId, tokenId, targetIds);
    await this.checkBindings(new Set(targetIds));
    return results;
  }

  private async checkBindings(only: ReadonlySet<string> | null): Promise<number> {
    const all = await this.deps.bindings.all();
    const bindings = only === null ? all : all.filter((binding) => only.has(binding.id));
    const tokens = await this.tokenIndex();
    const present = new Set(all.map((binding) => binding.id));
    for (const id of this.findings.keys()) if (!present.has(id)) this.findings.delete(id);
    await mapWithConcurrency(bindings, DRIFT_CHECK_CONCURRENCY, (binding) =>
      this.checkOne(binding, tokens.get(`${binding.accountId}/${binding.tokenId}`)),
    );
    for (const listener of this.listeners) listener();
    return this.findings.size;
  }

  private async checkOne(binding: PublishBinding, token: TokenInfo | undefined): Promise<void> {
    // Unlisted (not refreshed yet) or being rotated: the rotation publishes to it itself.
    if (token === undefined || token.leasedBy !== null) return;
    const secret = await this.deps.secrets.get(
      secretKeys.token(binding.accountId, binding.tokenId),
    );
    if (secret === null) return;
    let state: DriftState | null;
    try {
      state =
        token.status === 'revoked' || token.status === 'expired'
          ? 'dead'
          : driftOf(token, secret, await readTarget(binding.target, this.deps, [secret]));
    } catch (error) {
      this.deps.log.warn('could not check a publish target', {
        accountId: binding.accountId,
        targetId: binding.id,
        error,
      });
      return;
    }
    if (state === null) {
      this.findings.delete(binding.id);
      return;
    }
    this.findings.set(binding.id, {
      bindingId: binding.id,
      accountId: binding.accountId,
      tokenId: binding.tokenId,
      state,
      message: driftMessage(state, binding.description, token.name),
    });
  }

  private async tokenIndex(): Promise<Map<string, TokenInfo>> {
    const index = new Map<string, TokenInfo>();
    for (const inventory of await this.deps.inventory.snapshot()) {
      for (const token of inventory.tokens) index.set(`${token.accountId}/${token.id}`, token);
    }
    return index;
  }
}
