import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonDocument, type RecoveryNotice } from './json-document';
import { storageMeter } from './storage-meter';

const Schema = z.object({ items: z.array(z.string()) });
type Doc = z.infer<typeof Schema>;

describe('JsonDocument', () => {
  let dir: string;
  let path: string;
  let notices: RecoveryNotice[];
  const open = (): JsonDocument<Doc> =>
    new JsonDocument(
      path,
      Schema,
      () => ({ items: [] }),
      (notice) => notices.push(notice),
    );

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokendesk-doc-'));
    path = join(dir, 'state.json');
    notices = [];
    storageMeter.reset();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts from the initial value and persists updates with private permissions', async () => {
    const doc = open();
    expect(await doc.read()).toEqual({ items: [] });
    await doc.update((d) => ({ items: [...d.items, 'a'] }));

    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ items: ['a'] });
    expect(await open().read()).toEqual({ items: ['a'] });
  });

  it('serializes concurrent updates so none is lost', async () => {
    const doc = open();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => doc.update((d) => ({ items: [...d.items, `${i}`] }))),
    );
    expect((await open().read()).items).toHaveLength(20);
  });

  it('keeps a damaged file aside and restores the last good backup', async () => {
    const doc = open();
    await doc.update(() => ({ items: ['first'] }));
    await doc.update(() => ({ items: ['first', 'second'] }));
    await writeFile(path, '{"items": ["first", "sec');

    expect(await open().read()).toEqual({ items: ['first'] });
    expect(notices).toHaveLength(1);
    expect(notices[0]?.restoredFrom).toBe('backup');
    const kept = (await readdir(dir)).filter((name) => name.includes('.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, kept[0] ?? ''), 'utf8')).toContain('sec');
  });

  it('falls back to defaults when neither file nor backup parses', async () => {
    await writeFile(path, 'not json');
    expect(await open().read()).toEqual({ items: [] });
    expect(notices[0]?.restoredFrom).toBe('defaults');
  });

  it('leaves the previous content intact when a write fails', async () => {
    const doc = open();
    await doc.update(() => ({ items: ['kept'] }));
    // A directory where the backup goes makes the write fail even for root (tests may run as root).
    await mkdir(`${path}.bak`);

    await expect(doc.update(() => ({ items: ['lost'] }))).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
    });
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ items: ['kept'] });
    expect(await doc.read()).toEqual({ items: ['kept'] });
  });

  it('shares one load of the file between concurrent first readers', async () => {
    await writeFile(path, JSON.stringify({ items: ['a'] }));
    const doc = open();
    const values = await Promise.all(Array.from({ length: 50 }, () => doc.read()));

    expect(storageMeter.readsOf('state.json')).toBe(1);
    expect(new Set(values).size).toBe(1);
  });

  it('saves a burst of concurrent updates in at most two writes, as compact JSON', async () => {
    const doc = open();
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => doc.update((d) => ({ items: [...d.items, `${i}`] }))),
    );

    expect(storageMeter.writesOf('state.json')).toBeLessThanOrEqual(2);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain('\n');
    expect(Schema.parse(JSON.parse(text)).items).toHaveLength(100);
  });

  it('resolves each update with the value its own change produced, in the order asked', async () => {
    const doc = open();
    const results = await Promise.all(
      ['a', 'b', 'c'].map((item) => doc.update((d) => ({ items: [...d.items, item] }))),
    );
    expect(results.map((r) => r.items)).toEqual([['a'], ['a', 'b'], ['a', 'b', 'c']]);
  });

  it('writes nothing when an update changes nothing', async () => {
    const doc = open();
    await doc.update(() => ({ items: ['same'] }));
    storageMeter.reset();

    await doc.update(() => ({ items: ['same'] }));
    await doc.update((d) => d);

    expect(storageMeter.writesOf('state.json')).toBe(0);
  });

  it('rejects only the change that threw; the others in its batch are saved', async () => {
    const doc = open();
    const failing = doc.update(() => {
      throw new Error('bad change');
    });
    const good = doc.update((d) => ({ items: [...d.items, 'kept'] }));

    await expect(failing).rejects.toThrow('bad change');
    await expect(good).resolves.toEqual({ items: ['kept'] });
    expect(await open().read()).toEqual({ items: ['kept'] });
  });
});
