import type { Clock } from '../clock';
/**
 * Test support for the rotation unit tests (not used by the app): a core over the fake service,
 * a token TokenDesk created (so its secret is in the keychain), "crashes" at named checkpoints
 * and restarts over the same data dir, keychain and service.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { rotationSteps, type RotationStep, type RotationView } from '../../../shared/model';
import type { RotationPhase } from '../../../shared/rotation-machine';
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
import { emptySteps, type RotationRecord, type StepRecord } from './rotation-record';

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
    publishTargets: [],
    revealed: false,
    startedAt,
    updatedAt: startedAt,
    finishedAt: null,
    ...patch,
  };
}

const every = (state: StepRecord['state'], at: string): RotationRecord['steps'] =>
  Object.fromEntries(
    Object.keys(emptySteps()).map((step) => [step, { state, startedAt: at, endedAt: at }]),
  ) as RotationRecord['steps'];

/**
 * A journal record that is in `phase` of the state table, as the runner leaves it: the steps,
 * ids and direction that go with it. `patch` changes the rest.
 */
export function recordIn(
  phase: RotationPhase,
  rotationId = 'rot-1',
  patch: Partial<RotationRecord> = {},
): RotationRecord {
  const at = '2026-01-01T00:00:00.000Z';
  const made = { newTokenId: 'tok-2', newToken: null };
  const upTo = (last: RotationStep, state: StepRecord['state'] = 'done') => {
    const steps = emptySteps();
    for (const step of rotationSteps) {
      steps[step] = { state: 'done', startedAt: at, endedAt: at };
      if (step === last) {
        steps[step] = { state, startedAt: at, endedAt: state === 'running' ? null : at };
        break;
      }
    }
    return steps;
  };
  const base = journalRecord(rotationId, at);
  const shapes: Record<RotationPhase, Partial<RotationRecord>> = {
    working: { steps: upTo('verify', 'running'), ...made },
    'working-forward-only': { steps: upTo('promote', 'running'), ...made },
    undoing: {
      steps: upTo('publish', 'failed'),
      ...made,
      status: 'rolling-back',
      direction: 'rollback',
    },
    'awaiting-secret': {
      method: 'guided',
      steps: upTo('intent'),
      status: 'needs-user',
      waitingFor: 'secret',
    },
    'awaiting-revoke': {
      method: 'guided',
      steps: upTo('promote'),
      ...made,
      status: 'needs-user',
      waitingFor: 'revoke',
    },
    'stopped-undoable': {
      steps: upTo('publish', 'failed'),
      ...made,
      status: 'needs-user',
      waitingFor: 'action',
    },
    'stopped-forward-only': {
      method: 'roll',
      rollAttempted: true,
      steps: upTo('verify', 'failed'),
      ...made,
      status: 'needs-user',
      waitingFor: 'retry',
    },
    'undo-stopped': {
      steps: upTo('publish', 'failed'),
      ...made,
      status: 'needs-user',
      waitingFor: 'retry',
      direction: 'rollback',
    },
    'revoke-pending': { steps: upTo('revoke', 'failed'), ...made, status: 'revoke-pending' },
    done: { steps: every('done', at), ...made, status: 'done', finishedAt: at },
    'rolled-back': {
      steps: upTo('publish', 'failed'),
      ...made,
      status: 'rolled-back',
      direction: 'rollback',
      finishedAt: at,
    },
  };
  return { ...base, ...shapes[phase], ...patch };
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

/** How a fake target answers a write: take it, refuse before writing, or fail after it landed. */
export type FakeTargetBehaviour = 'ok' | 'refuse' | 'fail-after-write';

export interface FakeTarget {
  targetId: string;
  label: string;
  /** What the target holds now (the secret last written to it). */
  holds: string;
  /** How the next writes go, one entry per write; 'ok' once they are used up. */
  next: FakeTargetBehaviour[];
  writes: string[];
}

/**
 * A publisher of in-memory targets bound to `tokenId`: each write lands or not as told, and the
 * targets remember what they hold, so a test can check which secret each one ends with.
 */
export function fakePublisher(
  tokenId: () => string,
  targets: Array<{ label: string; holds: string; next?: FakeTargetBehaviour[] }>,
): { publisher: RotationPublisher; targets: FakeTarget[] } {
  const state: FakeTarget[] = targets.map((target, index) => ({
    targetId: `pub-${index + 1}`,
    label: target.label,
    holds: target.holds,
    next: [...(target.next ?? [])],
    writes: [],
  }));
  let boundTo: string | null = null;
  const owner = (): string => boundTo ?? tokenId();
  const publisher: RotationPublisher = {
    targets: (_accountId, token) =>
      Promise.resolve(
        token === owner()
          ? state.map((t) => ({ targetId: t.targetId, label: t.label, kind: 'dotenv' }))
          : [],
      ),
    write: (ref, secret) => {
      const target = state.find((t) => t.targetId === ref.targetId);
      if (target === undefined || ref.tokenId !== owner()) {
        return Promise.reject(new AppError('NOT_FOUND', 'No such target.'));
      }
      target.writes.push(secret);
      const behaviour = target.next.shift() ?? 'ok';
      if (behaviour === 'refuse') {
        return Promise.resolve({
          ok: false,
          mayHaveChanged: false,
          error: { code: 'FORBIDDEN', message: `${target.label} refused (HTTP 403).` },
        });
      }
      target.holds = secret;
      if (behaviour === 'fail-after-write') {
        return Promise.resolve({
          ok: false,
          mayHaveChanged: true,
          error: { code: 'BAD_RESPONSE', message: `reading back ${secret} did not match` },
        });
      }
      return Promise.resolve({ ok: true });
    },
    rebind: (_accountId, oldTokenId, newTokenId) => {
      if (owner() === oldTokenId) boundTo = newTokenId;
      return Promise.resolve();
    },
  };
  return { publisher, targets: state };
}
