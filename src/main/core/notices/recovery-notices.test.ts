import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppNotice, RecoveredFileNotice } from '../../../shared/model';
import { addFakeAccount, createTestCore, type TestCore } from '../test-support/test-core';

function fileNotices(notices: readonly AppNotice[]): RecoveredFileNotice[] {
  return notices.filter((notice) => notice.kind === 'recovered-file');
}

/** Two accounts saved, then accounts.json damaged: its backup holds the first one only. */
async function damagedAccounts(t: TestCore): Promise<void> {
  await addFakeAccount(t, 'Work');
  await addFakeAccount(t, 'Home');
  await writeFile(join(t.dataDir, 'accounts.json'), '{"version": 1, "accou');
}

describe('recovered state files become notices', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('records a damaged file, where it was kept and what replaced it, until dismissed', async () => {
    const first = await createTestCore();
    await damagedAccounts(first);
    t = await createTestCore({ dataDir: first.dataDir });

    const accounts = await t.core.accounts.list();
    expect(accounts.map((a) => a.label)).toEqual(['Work']);

    const notices = fileNotices(await t.core.notices.list());
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'recovered-file',
        file: 'accounts.json',
        restoredFrom: 'backup',
      }),
    ]);
    const keptAs = notices[0]?.keptAs ?? '';
    expect(keptAs).toMatch(/accounts\.json\.corrupt-\d+$/);
    expect(await readdir(t.dataDir)).toContain(keptAs.split(/[\\/]/).pop());
    expect(t.events).toContainEqual({ event: 'app:notice', payload: notices[0] });

    await t.core.notices.dismiss(notices[0]?.id ?? '');
    expect(await t.core.notices.list()).toEqual([]);
    await t.core.notices.dismiss(notices[0]?.id ?? '');
    expect(await t.core.notices.list()).toEqual([]);
  });

  it('says when no backup was left and the file started over empty', async () => {
    t = await createTestCore();
    await writeFile(join(t.dataDir, 'accounts.json'), '[]');

    expect(await t.core.accounts.list()).toEqual([]);
    const restored = fileNotices(await t.core.notices.list()).map((n) => [n.file, n.restoredFrom]);
    expect(restored).toEqual([['accounts.json', 'defaults']]);
  });

  it('shows a notice not dismissed before the app quit again after a restart, until dismissed', async () => {
    const first = await createTestCore();
    await damagedAccounts(first);
    const beforeQuit = await createTestCore({ dataDir: first.dataDir });
    await beforeQuit.core.accounts.list();
    const [notice] = fileNotices(await beforeQuit.core.notices.list());
    expect(notice?.file).toBe('accounts.json');

    const afterRestart = await createTestCore({ dataDir: first.dataDir });
    expect(await afterRestart.core.notices.list()).toEqual([notice]);
    // Nothing new was damaged: the restart announces nothing, a window asks for the list.
    expect(afterRestart.events.filter((e) => e.event === 'app:notice')).toEqual([]);
    await afterRestart.core.notices.dismiss(notice?.id ?? '');

    t = await createTestCore({ dataDir: first.dataDir });
    expect(await t.core.notices.list()).toEqual([]);
  });

  it('stays dismissed after a restart when dismissed as soon as it was announced', async () => {
    t = await createTestCore();
    await damagedAccounts(t);
    t = await createTestCore({ dataDir: t.dataDir });
    await t.core.accounts.list();
    const announced = t.events.find((e) => e.event === 'app:notice');
    expect(announced?.payload).toMatchObject({ kind: 'recovered-file', file: 'accounts.json' });
    await t.core.notices.dismiss(announced?.payload.id ?? '');

    t = await createTestCore({ dataDir: t.dataDir });
    expect(await t.core.notices.list()).toEqual([]);
  });

  it('saves exactly the undismissed notices in notices.json', async () => {
    t = await createTestCore();
    await damagedAccounts(t);
    t = await createTestCore({ dataDir: t.dataDir });
    await t.core.accounts.list();
    const [notice] = fileNotices(await t.core.notices.list());

    const saved: unknown = JSON.parse(await readFile(join(t.dataDir, 'notices.json'), 'utf8'));
    expect(saved).toEqual({ version: 1, notices: [notice] });
  });

  it('tells when notices.json itself was damaged', async () => {
    t = await createTestCore();
    await writeFile(join(t.dataDir, 'notices.json'), '{"version": 1, "noti');

    const notices = fileNotices(await t.core.notices.list());
    expect(notices.map((n) => [n.file, n.restoredFrom])).toEqual([['notices.json', 'defaults']]);
    t = await createTestCore({ dataDir: t.dataDir });
    expect(await t.core.notices.list()).toEqual(notices);
  });

  it('still shows a notice the disk refused to save, until dismissed', async () => {
    t = await createTestCore();
    // A folder where notices.json should be: it can be neither read nor replaced.
    await mkdir(join(t.dataDir, 'notices.json'));
    await writeFile(join(t.dataDir, 'accounts.json'), '[]');

    expect(await t.core.accounts.list()).toEqual([]);
    const notices = fileNotices(await t.core.notices.list());
    expect(notices.map((n) => n.file)).toEqual(['accounts.json']);

    await t.core.notices.dismiss(notices[0]?.id ?? '');
    expect(await t.core.notices.list()).toEqual([]);
  });
});
