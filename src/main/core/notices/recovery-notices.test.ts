import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addFakeAccount, createTestCore, type TestCore } from '../test-support/test-core';

describe('recovered state files become notices', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('records a damaged file, where it was kept and what replaced it, until dismissed', async () => {
    const first = await createTestCore();
    await addFakeAccount(first, 'Work');
    await addFakeAccount(first, 'Home');
    // The second save left the first list as the backup; now the file itself is damaged.
    await writeFile(join(first.dataDir, 'accounts.json'), '{"version": 1, "accou');
    t = await createTestCore({ dataDir: first.dataDir });

    const accounts = await t.core.accounts.list();
    expect(accounts.map((a) => a.label)).toEqual(['Work']);

    const notices = t.core.notices.list();
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

    t.core.notices.dismiss(notices[0]?.id ?? '');
    expect(t.core.notices.list()).toEqual([]);
    t.core.notices.dismiss(notices[0]?.id ?? '');
    expect(t.core.notices.list()).toEqual([]);
  });

  it('says when no backup was left and the file started over empty', async () => {
    t = await createTestCore();
    await writeFile(join(t.dataDir, 'accounts.json'), '[]');

    expect(await t.core.accounts.list()).toEqual([]);
    const restored = t.core.notices.list().map((n) => [n.file, n.restoredFrom]);
    expect(restored).toEqual([['accounts.json', 'defaults']]);
  });
});
