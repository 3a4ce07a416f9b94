import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type * as FsPromises from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../src/shared/contract';
import type { Account, RotationView, TokenInfo } from '../../src/shared/model';
import { makeReadOnly } from '../../src/main/core/publish/test-support/read-only-folder';
import { startKestraSim, type KestraSim } from '../../sim/kestra/kestra.sim';
import { demoKestraSeed, DEMO_TENANT, DEMO_USER } from '../../sim/kestra/kestra-seeds';
import { leaksInDir } from '../../e2e/support/secret-scan';
import { lockKeyring, unlockKeyring } from './support/keyring-lock';
import { resultOf, startRecordingStack, type RecordingStack } from './support/recording-stack';
import { Tally } from './support/results';

/** A disk that fills up on demand: every file write fails with ENOSPC while `full` is set. */
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const open: typeof fs.open = async (...args) => {
    const handle: FileHandle = await fs.open(...args);
    const writeFile = handle.writeFile.bind(handle);
    handle.writeFile = (...writeArgs: Parameters<FileHandle['writeFile']>) =>
      disk.full
        ? Promise.reject(
            Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
          )
        : writeFile(...writeArgs);
    return handle;
  };
  return { ...fs, open, default: { ...fs, open } };
});

const run = promisify(execFile);
const tally = new Tally('local-faults', 'local faults: nothing lost, clear errors');
const manage = `localcanary${randomBytes(16).toString('hex')}`;

let sim: KestraSim;
let stack: RecordingStack;

beforeEach(async () => {
  sim = await startKestraSim(demoKestraSeed(manage));
  stack = await startRecordingStack(`TokenDesk-faults-${randomBytes(4).toString('hex')}`);
});

afterEach(async () => {
  disk.full = false;
  await unlockKeyring();
  await stack.stop();
  await sim.close();
});

afterAll(() => tally.record());

const addArgs = (label: string) => ({
  provider: 'kestra',
  label,
  baseUrl: sim.url,
  settings: { userId: DEMO_USER, tenant: DEMO_TENANT },
  credential: manage,
});

async function labels(): Promise<string[]> {
  return resultOf<Account[]>(await stack.call('accounts:list', {})).map((a) => a.label);
}

/** The fault's outcome: the error the user sees, and whether anything was lost or half-done. */
function expectRefused(envelope: Envelope<unknown>, code: string, words: RegExp): void {
  tally.add('faults injected');
  expect(envelope).toMatchObject({ ok: false, error: { code } });
  if (envelope.ok) {
    tally.violation(`${code}: the operation succeeded`);
    return;
  }
  expect(envelope.error.message).toMatch(words);
  expect(envelope.error.message).not.toContain(manage);
  if (envelope.error.code !== code) tally.violation(`expected ${code}, got ${envelope.error.code}`);
}

describe('local faults', () => {
  it('refuses to add an account when no keychain daemon answers, and saves nothing', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'support', 'no-keychain-child.ts')],
      {
        env: {
          ...process.env,
          DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
          SIM_URL: sim.url,
          CANARY: manage,
        },
      },
    );
    const outcome = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      add: Envelope<unknown>;
      list: Envelope<unknown>;
      dataDir: string;
    };
    expectRefused(outcome.add, 'KEYCHAIN_UNAVAILABLE', /keychain is not available/);
    expect(outcome.list).toEqual({ ok: true, result: [] });
    expect(await leaksInDir(outcome.dataDir, [manage])).toEqual([]);
    await rm(outcome.dataDir, { recursive: true, force: true });
  });

  it('refuses create and copy while the keyring is locked, and works once it is unlocked', async () => {
    const accountId = resultOf<{ id: string }>(
      await stack.call('accounts:add', addArgs('First')),
    ).id;
    const createArgs = { accountId, name: 'release-bot', expiry: { kind: 'days', days: 30 } };
    const first = resultOf<{ token: TokenInfo; secret: string }>(
      await stack.call('tokens:create', createArgs),
    );
    const atService = sim.tokens().length;
    const accountsBefore = await labels();

    await lockKeyring();
    expectRefused(
      await stack.call('tokens:create', { ...createArgs, name: 'while-locked' }),
      'KEYCHAIN_UNAVAILABLE',
      /keyring is locked.*Unlock your keyring/,
    );
    expectRefused(
      await stack.call('secrets:copy', { accountId, tokenId: first.token.id }),
      'KEYCHAIN_UNAVAILABLE',
      /Unlock your keyring/,
    );
    tally.add('locked-keyring operations refused', 2);
    // Nothing was created at the service, put on the clipboard or forgotten.
    expect(sim.tokens()).toHaveLength(atService);
    expect(stack.clipboard.text).toBe('');
    expect(await labels()).toEqual(accountsBefore);

    await unlockKeyring();
    resultOf(await stack.call('secrets:copy', { accountId, tokenId: first.token.id }));
    expect(stack.clipboard.text).toBe(first.secret);
    resultOf(await stack.call('tokens:create', { ...createArgs, name: 'after-unlock' }));
    expect(sim.tokens()).toHaveLength(atService + 1);
  });

  it('undoes a rotation whose new secret met a locked keyring, and rotates once unlocked', async () => {
    // The moment of the fault: the service made the new token, the keychain has not its secret.
    let lockBeforeStoring = true;
    const rotating = await startRecordingStack(
      `TokenDesk-faults-${randomBytes(4).toString('hex')}`,
      {
        rotationCheckpoint: async (point) => {
          if (point !== 'create:response' || !lockBeforeStoring) return;
          lockBeforeStoring = false;
          await lockKeyring();
        },
      },
    );
    const rotate = async (accountId: string, tokenId: string): Promise<RotationView> => {
      const started = await rotating.call('rotation:start', { accountId, tokenId });
      const { rotationId } = resultOf<{ rotationId: string }>(started);
      return rotating.core.rotation.whenSettled(rotationId);
    };
    try {
      const accountId = resultOf<{ id: string }>(
        await rotating.call('accounts:add', addArgs('First')),
      ).id;
      const old = resultOf<{ token: TokenInfo; secret: string }>(
        await rotating.call('tokens:create', {
          accountId,
          name: 'release-bot',
          expiry: { kind: 'days', days: 30 },
        }),
      );

      const stopped = await rotate(accountId, old.token.id);
      tally.add('faults injected');
      expect(lockBeforeStoring).toBe(false);
      expect(stopped).toMatchObject({ status: 'needs-user', waitingFor: 'retry', canRetry: true });
      expect(stopped.error?.code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(stopped.error?.message).toMatch(/Unlock your keyring/);
      tally.add('locked-keyring operations refused');
      const orphan = stopped.newTokenId ?? '';
      const atService = (id: string) => sim.tokens().find((t) => t.id === id);
      expect(atService(orphan)?.revoked).toBe(false);

      // Unlocked, the retry finishes the undo: the half-made token goes, the old one stays.
      await unlockKeyring();
      const retried = resultOf<RotationView>(
        await rotating.call('rotation:retry', { rotationId: stopped.rotationId }),
      );
      const undone =
        retried.status === 'running' || retried.status === 'rolling-back'
          ? await rotating.core.rotation.whenSettled(stopped.rotationId)
          : retried;
      expect(undone.status).toBe('rolled-back');
      expect(atService(orphan)?.revoked).toBe(true);
      expect(atService(old.token.id)?.revoked).toBe(false);
      expect(await rotating.secrets.get(`${accountId}/${old.token.id}`)).toBe(old.secret);
      expect(await rotating.secrets.get(`${accountId}/${orphan}`)).toBeNull();
      if (atService(old.token.id)?.revoked !== false) tally.violation('the old token was lost');

      const done = await rotate(accountId, old.token.id);
      expect(done.status).toBe('done');
      const fresh = atService(done.newTokenId ?? '');
      expect(await rotating.secrets.get(`${accountId}/${done.newTokenId ?? ''}`)).toBe(
        fresh?.secret,
      );
    } finally {
      await unlockKeyring();
      await rotating.stop();
    }
  });

  it('keeps every account when the data dir turns read-only, and says why', async () => {
    resultOf(await stack.call('accounts:add', addArgs('First')));
    const undo = await makeReadOnly(stack.dataDir);
    try {
      expectRefused(
        await stack.call('accounts:add', addArgs('Second')),
        'STORAGE_FAILED',
        /could not save .*(permission was denied|read-only)/,
      );
      expect(await labels()).toEqual(['First']);
    } finally {
      await undo();
    }
    // Only the first account's credential stays in the keychain: the failed add took its own back.
    expect(await stack.secrets.list()).toHaveLength(1);
    expect(await labels()).toEqual(['First']);
  });

  it('keeps the previous state when the disk fills up during a write', async () => {
    resultOf(await stack.call('accounts:add', addArgs('First')));
    const before = await readFile(join(stack.dataDir, 'accounts.json'), 'utf8');

    disk.full = true;
    expectRefused(
      await stack.call('accounts:add', addArgs('Second')),
      'STORAGE_FAILED',
      /the disk is full/,
    );
    disk.full = false;

    expect(await readFile(join(stack.dataDir, 'accounts.json'), 'utf8')).toBe(before);
    expect((await readdir(stack.dataDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await stack.secrets.list()).toHaveLength(1);
    expect(await labels()).toEqual(['First']);
    // And the app goes on once there is room again.
    resultOf(await stack.call('accounts:add', addArgs('Second')));
    expect((await labels()).sort()).toEqual(['First', 'Second']);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['garbage', () => '\u0000\u0001 not json at all'],
    ['valid JSON of the wrong shape', () => '{"accounts": "gone"}'],
    ['empty', () => ''],
  ])(
    'recovers from a %s state file from its backup and keeps the bad one aside',
    async (_what, damage) => {
      resultOf(await stack.call('accounts:add', addArgs('First')));
      resultOf(await stack.call('accounts:add', addArgs('Second')));
      const path = join(stack.dataDir, 'accounts.json');
      const damaged = damage(await readFile(path, 'utf8'));
      await writeFile(path, damaged);

      // The next start reads the damaged file.
      const restarted = await startRecordingStack(
        `TokenDesk-faults-${randomBytes(4).toString('hex')}`,
        {
          dataDir: stack.dataDir,
        },
      );
      const listed = resultOf<Account[]>(await restarted.call('accounts:list', {}));
      tally.add('damaged state files recovered');

      // The backup is the state before the last write: the first account at least, never nothing.
      expect(listed.map((a) => a.label)).toContain('First');
      const kept = (await readdir(stack.dataDir)).filter((f) =>
        f.startsWith('accounts.json.corrupt-'),
      );
      expect(kept).toHaveLength(1);
      expect(await readFile(join(stack.dataDir, kept[0] ?? ''), 'utf8')).toBe(damaged);
      const log = await readFile(join(stack.dataDir, 'logs', 'tokendesk.log'), 'utf8');
      expect(log).toContain('a damaged state file was kept aside and replaced');
      if (!listed.some((a) => a.label === 'First')) tally.violation('accounts lost after damage');
      await restarted.release();
    },
  );
});
