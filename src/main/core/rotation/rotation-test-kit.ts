import type { Clock } from '../clock';
/**
 * Test support for the rotation unit tests (not used by the app): a core over the fake service,
 * a token TokenDesk created (so its secret is in the keychain), "crashes" at named checkpoints
 * and restarts over the same data dir, keychain and service.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RotationView } from '../../../shared/model';
import type { ClipboardPort } from '../clipboard/secret-clipboard';
import type { SecretStore } from '../secrets/secret-store';
import {
  addFakeAccount,
  addGuidedAccount,
  createTestCore,
  type TestCore,
} from '../test-support/test-core';
import type { FakeProviderOptions } from '../test-support/fake-provider';
import type { Checkpoint } from './rotation-deps';
import type { RotationPublisher } from './rotation-publisher';
import { emptySteps, type RotationRecord } from './rotation-record';

export interface RotationWorld {
  t: TestCore;
  accountId: string;
  credential: string | null;
  /** The token to rotate, created through TokenDesk (api/roll) or tracked (guided). */
  tokenId: string;
  tokenSecret: string;
}

export interface WorldOptions extends FakeProviderOptions {
  publisher?: RotationPublisher;
  checkpoint?: Checkpoint;
  secrets?: SecretStore;
  clipboard?: ClipboardPort;
  clock?: Clock;
}

export async function rotationWorld(options: WorldOptions = {}): Promise<RotationWorld> {
  const t = await createTestCore(options);
  if (t.provider.info.mode === 'guided') {
    const accountId = await addGuidedAccount(t);
    const seeded = t.provider.seed('ci-deploy');
    const token = await t.core.tracking.track({
      accountId,
      name: 'ci-deploy',
      secret: seeded.secret,
      project: 'p1',
      role: 'Owner',
    });
    return { t, accountId, credential: null, tokenId: token.id, tokenSecret: seeded.secret };
  }
  const { accountId, credential } = await addFakeAccount(t);
  const created = await t.core.tokens.create({
    accountId,
    name: 'ci-deploy',
    description: 'CI deploys',
    expiry: { kind: 'days', days: 30 },
  });
  return { t, accountId, credential, tokenId: created.token.id, tokenSecret: created.secret };
}

/** A journal record of an overlap rotation that is running, as first written; `patch` moves it on. */
export function journalRecord(
  rotationId: string,
  startedAt: string,
  patch: Partial<RotationRecord> = {},
): RotationRecord {
  return {
    version: 1,
    rotationId,
    accountId: 'acc-1',
    method: 'overlap',
    oldTokenId: 'tok-1',
    oldTokenName: 'ci',
    isManagementCredential: false,
    marker: 'r00000000',
    replacement: {
      name: 'ci-r00000000',
      description: null,
      expiry: { kind: 'never' },
      extended: false,
      project: null,
      role: null,
      scopes: [],
    },
    knownTokenIds: ['tok-1'],
    newTokenId: null,
    newToken: null,
    rollAttempted: false,
    rollTargetId: null,
    watchForLateToken: false,
    steps: emptySteps(),
    direction: 'forward',
    status: 'running',
    waitingFor: null,
    error: null,
    publishResults: [],
    revealed: false,
    startedAt,
    updatedAt: startedAt,
    finishedAt: null,
    ...patch,
  };
}

/** The same app started again over the state a previous run left: data dir, keychain, service. */
export async function restart(world: RotationWorld, options: WorldOptions = {}): Promise<TestCore> {
  const t = await createTestCore({
    ...options,
    dataDir: world.t.dataDir,
    secrets: world.t.secrets,
    provider: world.t.provider,
  });
  world.t = t;
  return t;
}

export async function rotateAndSettle(world: RotationWorld): Promise<RotationView> {
  const { rotationId } = await world.t.core.rotation.start(world.accountId, world.tokenId);
  return world.t.core.rotation.whenSettled(rotationId);
}

/**
 * A checkpoint that freezes the "process" at the `nth` passage of `point`: nothing after it ever
 * runs, as after SIGKILL. `reached` resolves when it froze.
 */
export function freezeAt(
  point: string,
  nth = 1,
): { checkpoint: Checkpoint; reached: Promise<void> } {
  let seen = 0;
  let signal: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => {
    signal = resolve;
  });
  return {
    checkpoint: (name) => {
      if (name !== point) return Promise.resolve();
      seen += 1;
      if (seen !== nth) return Promise.resolve();
      signal();
      return new Promise<void>(() => undefined);
    },
    reached,
  };
}

/** Records every checkpoint passed, in order. */
export function traceCheckpoints(): { checkpoint: Checkpoint; points: string[] } {
  const points: string[] = [];
  return {
    points,
    checkpoint: (name) => {
      points.push(name);
      return Promise.resolve();
    },
  };
}

/** Keychain entries of the account: key suffix (token id or `manage`) → secret. */
export async function keychainOf(
  secrets: SecretStore,
  accountId: string,
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const key of await secrets.list()) {
    if (!key.startsWith(`${accountId}/`)) continue;
    const value = await secrets.get(key);
    if (value !== null) result.set(key.slice(accountId.length + 1), value);
  }
  return result;
}

/** Every file under the data dir whose text contains `needle`. */
export async function filesWith(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path, 'utf8')).includes(needle)) hits.push(path);
  }
  return hits;
}
