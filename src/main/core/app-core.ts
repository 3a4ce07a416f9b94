import { AccountAccess } from './accounts/account-access';
import { AccountRegistry } from './accounts/account-registry';
import { AccountsService } from './accounts/accounts.service';
import { SecretClipboard, type ClipboardPort } from './clipboard/secret-clipboard';
import { systemClock, type Clock } from './clock';
import type { EmitEvent } from './events';
import type { HttpClient } from './http/http-client.types';
import { ImportService, type ImportEnvironment } from './import/import.service';
import { InventoryCache } from './inventory/inventory-cache';
import { InventoryService } from './inventory/inventory.service';
import type { Logger } from './log/logger';
import type { ProviderAdapter } from './providers/provider-adapter';
import { ProviderRegistry } from './providers/provider-registry';
import type { SecretStore } from './secrets/secret-store';
import type { RecoveryNotice } from './storage/json-document';
import { SecretLedger } from './tokens/secret-ledger';
import { SecretsService } from './tokens/secrets.service';
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
}

export const DEFAULT_CLIPBOARD_CLEAR_SECONDS = 20;

/** The Electron-free application: every service the IPC handlers call. */
export function createCore(deps: CoreDeps) {
  const clock = deps.clock ?? systemClock;
  const onRecovered = (notice: RecoveryNotice): void =>
    deps.log.warn('a damaged state file was kept aside and replaced', { ...notice });
  const clipboardClearSeconds = deps.clipboardClearSeconds ?? DEFAULT_CLIPBOARD_CLEAR_SECONDS;

  const providers = new ProviderRegistry(deps.adapters);
  const registry = new AccountRegistry(deps.dataDir, clock, onRecovered);
  const ledger = new SecretLedger(deps.dataDir, clock, onRecovered);
  const cache = new InventoryCache(deps.dataDir, onRecovered);
  const tracked = new TrackedTokenStore(deps.dataDir, onRecovered);
  const access = new AccountAccess(registry, providers, deps.secrets, deps.http);
  const inventory = new InventoryService(
    registry,
    access,
    cache,
    ledger,
    tracked,
    clock,
    deps.emit,
    deps.log,
  );
  const clipboard = deps.clipboard
    ? new SecretClipboard(deps.clipboard, () => clipboardClearSeconds)
    : null;

  const tracking = new TrackingService(
    access,
    deps.secrets,
    ledger,
    tracked,
    cache,
    inventory,
    clock,
    deps.log,
  );

  return {
    providers,
    inventory,
    clipboard,
    clipboardClearSeconds,
    accounts: new AccountsService(
      registry,
      providers,
      deps.secrets,
      deps.http,
      inventory,
      cache,
      ledger,
      tracked,
      deps.log,
    ),
    tokens: new TokensService(access, deps.secrets, ledger, cache, inventory, deps.log),
    secrets: new SecretsService(registry, deps.secrets, clipboard),
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
