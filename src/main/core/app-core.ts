import { homedir } from 'node:os';
import { AccountAccess } from './accounts/account-access';
import { AccountRegistry } from './accounts/account-registry';
import { AccountsService } from './accounts/accounts.service';
import { AttentionStore } from './attention/attention-store';
import { AttentionService } from './attention/attention.service';
import {
  ReminderScheduler,
  systemTimer,
  type ReminderPort,
  type TimerPort,
} from './attention/reminder-scheduler';
import { AuditLog } from './audit/audit-log';
import { SecretClipboard, type ClipboardPort } from './clipboard/secret-clipboard';
import { systemClock, type Clock } from './clock';
import type { EmitEvent } from './events';
import type { HttpClient } from './http/http-client.types';
import { ImportService, type ImportEnvironment } from './import/import.service';
import { InventoryCache } from './inventory/inventory-cache';
import { InventoryService } from './inventory/inventory.service';
import type { Logger } from './log/logger';
import type { ProviderAdapter } from './providers/provider-adapter';
import { RecoveryNotices } from './notices/recovery-notices';
import { ProviderRegistry } from './providers/provider-registry';
import { DriftService } from './publish/drift/drift.service';
import { PublishBindings } from './publish/publish-bindings';
import { PublishService } from './publish/publish.service';
import { asRotationPublisher } from './publish/rotation-publisher-adapter';
import { TargetCredentials } from './publish/target-credentials';
import { CredentialCache } from './secrets/credential-cache';
import type { SecretStore } from './secrets/secret-store';
import { HeldSecrets, noCheckpoint, type Checkpoint } from './rotation/rotation-deps';
import { RotationJournal } from './rotation/rotation-journal';
import { RotationLeases } from './rotation/rotation-leases';
import type { RotationPublisher } from './rotation/rotation-publisher';
import { RotationService } from './rotation/rotation.service';
import type { RecoveryNotice } from './storage/json-document';
import { SecretLedger } from './tokens/secret-ledger';
import { SecretsService } from './tokens/secrets.service';
import { DEFAULT_CLIPBOARD_CLEAR_SECONDS } from './clipboard/clear-delay';
import { TokensService } from './tokens/tokens.service';
import { TrackedTokenStore } from './tracking/tracked-token-store';
import { TrackingService } from './tracking/tracking.service';

export interface CoreDeps {
  dataDir: string;
  secrets: SecretStore;
  http: HttpClient;
  adapters: readonly ProviderAdapter[];
  log: Logger;
  emit: EmitEvent;
  /** The system clipboard; absent in the browser target, where the page copies. */
  clipboard: ClipboardPort | null;
  clock?: Clock;
  clipboardClearSeconds?: number;
  /** Where imports look for the environment and `~`; the process's own by default. */
  importEnvironment?: ImportEnvironment;
  /** Replaces the publish service as the rotation engine's publisher (tests of rotation). */
  publisher?: RotationPublisher;
  /** Named points of a rotation; only the crash harness listens (it stops the process there). */
  rotationCheckpoint?: Checkpoint;
  /** Desktop notifications and the tray (Electron); the windows get reminders as events anyway. */
  reminderPort?: ReminderPort | null;
  /** What the reminder scheduler sleeps on (tests drive a fake one). */
  timer?: TimerPort;
}

/** The Electron-free application: every service the IPC handlers call. */
export function createCore(deps: CoreDeps) {
  const clock = deps.clock ?? systemClock;
  const notices = new RecoveryNotices(deps.dataDir, clock, deps.emit, deps.log);
  const onRecovered = (notice: RecoveryNotice): void => notices.record(notice);
  const clipboardClearSeconds = deps.clipboardClearSeconds ?? DEFAULT_CLIPBOARD_CLEAR_SECONDS;
  // Any change pushed to the windows (a refresh, a rotation step) may change what is due.
  let reminders: ReminderScheduler | null = null;
  const emit: EmitEvent = (event, payload) => {
    deps.emit(event, payload);
    if (reminders !== null && !event.startsWith('attention:')) void reminders.wake();
  };

  // Refreshes read each account's management credential; the keychain is asked once a session.
  const secrets = new CredentialCache(deps.secrets);
  const providers = new ProviderRegistry(deps.adapters);
  const registry = new AccountRegistry(deps.dataDir, clock, onRecovered);
  const ledger = new SecretLedger(deps.dataDir, clock, onRecovered);
  const cache = new InventoryCache(deps.dataDir, onRecovered);
  const tracked = new TrackedTokenStore(deps.dataDir, onRecovered);
  const access = new AccountAccess(registry, providers, secrets, deps.http);
  // What unfinished rotations hold: every service that could cut into one asks here first.
  const journal = new RotationJournal(deps.dataDir);
  const leases = new RotationLeases(journal);
  const inventory = new InventoryService(
    registry,
    access,
    cache,
    ledger,
    tracked,
    clock,
    emit,
    deps.log,
    leases,
  );
  const clipboard = deps.clipboard
    ? new SecretClipboard(
        deps.clipboard,
        () => clipboardClearSeconds,
        undefined,
        (error) => deps.log.warn('clearing the clipboard failed', { error }),
      )
    : null;

  const bindings = new PublishBindings(deps.dataDir, onRecovered);
  const tracking = new TrackingService(
    access,
    secrets,
    ledger,
    bindings,
    tracked,
    cache,
    inventory,
    clock,
    deps.log,
    leases,
  );

  // Where a token's secret is copied to (CI secrets, .env files): the rotation engine publishes
  // through the same service the publish:* channels use.
  const home = deps.importEnvironment ? deps.importEnvironment.home : homedir();
  const targetCredentials = new TargetCredentials(registry, ledger, secrets);
  const publishing = new PublishService({
    bindings,
    credentials: targetCredentials,
    registry,
    ledger,
    secrets,
    http: deps.http,
    clock,
    log: deps.log,
    home,
    leases,
  });

  // The audit log removes, by value, every new secret a running rotation holds in memory.
  const heldSecrets = new HeldSecrets();
  const audit = new AuditLog(deps.dataDir, clock, () => heldSecrets.all());
  const rotation = new RotationService(
    heldSecrets,
    {
      registry,
      providers,
      access,
      secrets,
      ledger,
      cache,
      tracked,
      inventory,
      publisher: deps.publisher ?? asRotationPublisher(publishing),
      journal,
      audit,
      clock,
      log: deps.log,
      emit,
      checkpoint: deps.rotationCheckpoint ?? noCheckpoint,
      tellRecovered: (notice) => notices.rotationRecovered(notice),
    },
    leases,
  );
  // A lease taken or given back changes what the account's rows offer.
  leases.onChange((accountId) => {
    inventory.announce(accountId).catch((error: unknown) => {
      deps.log.warn('could not announce a changed lease', { accountId, error });
    });
  });

  // Whether every publish target still holds its token's current secret.
  const drift = new DriftService({
    bindings,
    inventory,
    secrets,
    publishing,
    leases,
    log: deps.log,
    http: deps.http,
    credentials: targetCredentials,
    home,
  });

  // Rotations whose create or roll got no clear answer look at every fresh list of the account.
  inventory.whenListed((accountId, tokens) => rotation.reconcile(accountId, tokens));

  const attentionStore = new AttentionStore(deps.dataDir, onRecovered);
  const attention = new AttentionService({
    registry,
    providers,
    inventory,
    rotations: rotation,
    store: attentionStore,
    clock,
    drift,
  });
  reminders = new ReminderScheduler({
    attention,
    store: attentionStore,
    clock,
    timer: deps.timer ?? systemTimer,
    emit: deps.emit,
    port: deps.reminderPort ?? null,
    log: deps.log,
  });
  const scheduler = reminders;
  attention.whenChanged(() => void scheduler.wake());
  drift.onChange(() => void scheduler.wake());

  return {
    /** Waits for the rotation journals and the audit log to reach the disk. */
    flushWrites: async (): Promise<void> => {
      await Promise.all([journal.flush(), audit.flush()]);
    },
    notices,
    providers,
    inventory,
    rotation,
    attention,
    reminders: scheduler,
    publishing,
    drift,
    clipboard,
    clipboardClearSeconds,
    accounts: new AccountsService(
      registry,
      providers,
      secrets,
      deps.http,
      inventory,
      cache,
      ledger,
      bindings,
      tracked,
      deps.log,
      leases,
    ),
    tokens: new TokensService(
      access,
      secrets,
      ledger,
      bindings,
      cache,
      inventory,
      deps.log,
      leases,
      clock,
    ),
    secrets: new SecretsService(registry, secrets, clipboard, cache),
    tracking,
    importer: new ImportService(
      registry,
      providers,
      cache,
      tracking,
      clock,
      deps.importEnvironment,
    ),
  };
}

export type Core = ReturnType<typeof createCore>;
