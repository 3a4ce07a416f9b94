import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirBusyError, WRITER_LOCK_FILE, acquireWriterLock } from './writer-lock';

let dataDir: string;
const lockPath = () => join(dataDir, WRITER_LOCK_FILE);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-lock-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

function holderFile(fields: { pid: number; startTime: string | null }): string {
  return JSON.stringify({
    ...fields,
    owner: 'tokendesk rotate',
    since: '2026-01-01T00:00:00.000Z',
    nonce: 'feedface',
  });
}

describe('the writer lock of a data dir', () => {
  it('refuses a second writer, naming the first, until the first releases it', async () => {
    const first = await acquireWriterLock(dataDir, { owner: 'the TokenDesk app', waitMs: 0 });
    const refused = acquireWriterLock(dataDir, { owner: 'tokendesk revoke', waitMs: 0 });
    await expect(refused).rejects.toBeInstanceOf(DataDirBusyError);
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(refused).rejects.toThrow(`the TokenDesk app (process ${process.pid}`);

    await first.release();
    const second = await acquireWriterLock(dataDir, { owner: 'tokendesk revoke', waitMs: 0 });
    expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({
      owner: 'tokendesk revoke',
      pid: process.pid,
    });
    await second.release();
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('lets a waiting writer in once the holder releases within the wait', async () => {
    const first = await acquireWriterLock(dataDir, { owner: 'the TokenDesk app', waitMs: 0 });
    const waiting = acquireWriterLock(dataDir, { owner: 'tokendesk rotate', waitMs: 30_000 });
    setTimeout(() => void first.release(), 50);
    const second = await waiting;
    expect(second.holder.owner).toBe('tokendesk rotate');
    await second.release();
  });

  it('takes over the lock of a process that died without releasing it', async () => {
    await writeFile(lockPath(), holderFile({ pid: deadPid(), startTime: null }));
    const lock = await acquireWriterLock(dataDir, { owner: 'tokendesk create', waitMs: 0 });
    expect(lock.holder.owner).toBe('tokendesk create');
    expect(await readdir(dataDir)).toEqual([WRITER_LOCK_FILE]);
    await lock.release();
  });

  it.runIf(process.platform === 'linux')(
    'takes over a lock whose pid now belongs to a process that started later',
    async () => {
      await writeFile(lockPath(), holderFile({ pid: process.pid, startTime: '1' }));
      const lock = await acquireWriterLock(dataDir, { owner: 'tokendesk create', waitMs: 0 });
      expect(lock.holder.startTime).not.toBe('1');
      await lock.release();
    },
  );

  it('takes over an unreadable lock file', async () => {
    await writeFile(lockPath(), '{"pid": tru');
    const lock = await acquireWriterLock(dataDir, { owner: 'tokendesk create', waitMs: 0 });
    expect(lock.holder.owner).toBe('tokendesk create');
    await lock.release();
  });

  it('never removes a lock another writer took after its own was taken away', async () => {
    const mine = await acquireWriterLock(dataDir, { owner: 'tokendesk rotate', waitMs: 0 });
    const theirs = holderFile({ pid: process.pid, startTime: mine.holder.startTime });
    await writeFile(lockPath(), theirs);
    await mine.release();
    expect(await readFile(lockPath(), 'utf8')).toBe(theirs);
  });
});
