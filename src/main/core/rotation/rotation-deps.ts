import type { AccountAccess } from '../accounts/account-access';
import type { AccountRegistry } from '../accounts/account-registry';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { EmitEvent } from '../events';
import type { InventoryCache } from '../inventory/inventory-cache';
import type { InventoryService } from '../inventory/inventory.service';
import type { Logger } from '../log/logger';
import type { RotationRecoveredInput } from '../notices/recovery-notices';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { SecretStore } from '../secrets/secret-store';
import type { SecretLedger } from '../tokens/secret-ledger';
import type { TrackedTokenStore } from '../tracking/tracked-token-store';
import type { RotationJournal } from './rotation-journal';
import type { RotationPublisher } from './rotation-publisher';
import type { RotationRecord } from './rotation-record';

/**
 * Called at every step boundary and just before every call to the service, by name
 * (`verify:started`, `call:createToken`, …). A no-op in the app; the crash harness pauses or
 * kills the process there to prove that recovery works from each point.
 */
export type Checkpoint = (point: string) => Promise<void>;

export const noCheckpoint: Checkpoint = () => Promise.resolve();

/** New secrets held in memory while a rotation runs: the keychain is the truth, this the fallback. */
export class HeldSecrets {
  private readonly byRotation = new Map<string, string>();

  hold(rotationId: string, secret: string): void {
    this.byRotation.set(rotationId, secret);
  }

  get(rotationId: string): string | undefined {
    return this.byRotation.get(rotationId);
  }

  has(rotationId: string): boolean {
    return this.byRotation.has(rotationId);
  }

  drop(rotationId: string): void {
    this.byRotation.delete(rotationId);
  }

  all(): string[] {
    return [...this.byRotation.values()];
  }
}

export interface RotationPorts {
  registry: AccountRegistry;
  providers: ProviderRegistry;
  access: AccountAccess;
  secrets: SecretStore;
  ledger: SecretLedger;
  cache: InventoryCache;
  tracked: TrackedTokenStore;
  inventory: InventoryService;
  publisher: RotationPublisher;
  journal: RotationJournal;
  audit: AuditLog;
  clock: Clock;
  log: Logger;
  emit: EmitEvent;
  checkpoint: Checkpoint;
  /** Tells the user, in a notice kept until read, what recovery did to a rotation. */
  tellRecovered: (notice: RotationRecoveredInput) => Promise<void>;
}

/** What the steps get: the ports, the held secrets, and a way to journal mid-step. */
export interface StepDeps extends RotationPorts {
  held: HeldSecrets;
  persist(record: RotationRecord): Promise<void>;
}
