import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron 45's clipboard, as electron.d.ts declares it: the web model, writes and reads return
// promises, `write` takes ClipboardItems and commits each call atomically. The calls are
// recorded in order: the commits are the point of these tests.
const { calls, clipboard, FakeClipboardItem } = vi.hoisted(() => {
  const calls: Array<[string, ...unknown[]]> = [];
  class FakeClipboardItem {
    constructor(readonly entries: Record<string, string | Blob>) {}
  }
  const clipboard = {
    write: vi.fn((items: FakeClipboardItem[]): Promise<void> => {
      calls.push(['write', items]);
      return Promise.resolve();
    }),
    writeText: vi.fn((text: string): Promise<void> => {
      calls.push(['writeText', text]);
      return Promise.resolve();
    }),
    readText: vi.fn((): Promise<string> => Promise.resolve('current')),
    clear: vi.fn((): void => {
      calls.push(['clear']);
    }),
  };
  return { calls, clipboard, FakeClipboardItem };
});

vi.mock('electron', () => ({ clipboard, ClipboardItem: FakeClipboardItem }));

import { createElectronClipboard, rawFormat } from './electron-clipboard';

const SECRET = 'kpat_5fQ9zR2wXyL7mN3vB8cD1eH4jK6tP0sA';

/** An item's entries with each Blob read back as bytes. */
async function entriesOf(item: InstanceType<typeof FakeClipboardItem>) {
  const read = await Promise.all(
    Object.entries(item.entries).map(async ([type, value]) => [
      type,
      typeof value === 'string' ? value : Buffer.from(await value.arrayBuffer()),
    ]),
  );
  return Object.fromEntries(read) as Record<string, string | Buffer>;
}

beforeEach(() => {
  calls.length = 0;
  vi.clearAllMocks();
});

describe('copying a secret', () => {
  const expected = {
    linux: { 'x-kde-passwordManagerHint': Buffer.from('secret') },
    darwin: { 'org.nspasteboard.ConcealedType': Buffer.alloc(0) },
    win32: {
      ExcludeClipboardContentFromMonitorProcessing: Buffer.from([1, 0, 0, 0]),
      CanIncludeInClipboardHistory: Buffer.from([0, 0, 0, 0]),
      CanUploadToCloudClipboard: Buffer.from([0, 0, 0, 0]),
    },
  };

  it.each(Object.entries(expected))(
    'on %s writes the text and the platform marks in one write of one item',
    async (platform, marks) => {
      await createElectronClipboard(platform as NodeJS.Platform).writeSecret(SECRET);

      expect(calls).toHaveLength(1);
      const [method, items] = calls[0] as [string, Array<InstanceType<typeof FakeClipboardItem>>];
      expect(method).toBe('write');
      expect(items).toHaveLength(1);
      expect(items[0]).toBeInstanceOf(FakeClipboardItem);
      expect(await entriesOf(items[0]!)).toEqual({
        'text/plain': SECRET,
        ...Object.fromEntries(
          Object.entries(marks).map(([name, bytes]) => [rawFormat(name), bytes]),
        ),
      });
      expect(clipboard.writeText).not.toHaveBeenCalled();
    },
  );

  it('waits for the write to be committed before it reports the copy done', async () => {
    let commit: () => void = () => undefined;
    clipboard.write.mockImplementationOnce(
      () => new Promise<void>((resolve) => (commit = resolve)),
    );
    let done = false;
    const copying = createElectronClipboard('linux')
      .writeSecret(SECRET)
      .then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    commit();
    await copying;
    expect(done).toBe(true);
  });

  it('names raw formats the way Electron reads them back', () => {
    expect(rawFormat('x-kde-passwordManagerHint')).toBe(
      'electron application/osclipboard;format="x-kde-passwordManagerHint"',
    );
  });

  it('falls back to the plain text when the item is refused', async () => {
    clipboard.write.mockImplementationOnce(() => Promise.reject(new TypeError('unsupported')));
    await createElectronClipboard('linux').writeSecret(SECRET);
    expect(calls).toEqual([['writeText', SECRET]]);
  });

  it('writes only the text on a platform without marks, still as one item', async () => {
    await createElectronClipboard('freebsd').writeSecret(SECRET);
    const [, items] = calls[0] as [string, Array<InstanceType<typeof FakeClipboardItem>>];
    expect(calls).toHaveLength(1);
    expect(await entriesOf(items[0]!)).toEqual({ 'text/plain': SECRET });
  });
});

describe('reading and clearing', () => {
  it('reads through Electron’s promise and clears', async () => {
    const port = createElectronClipboard('linux');
    expect(await port.readText()).toBe('current');
    await port.clear();
    expect(calls).toEqual([['clear']]);
  });
});
