import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The clipboard calls Electron receives, in order: the commits are the point of these tests.
const calls: Array<[string, ...unknown[]]> = [];
const clipboard = {
  writeText: vi.fn((text: string) => {
    calls.push(['writeText', text]);
    return Promise.resolve();
  }),
  write: vi.fn((data: unknown) => {
    calls.push(['write', data]);
    return Promise.resolve();
  }),
  readText: vi.fn((): string | Promise<string> => 'current'),
  clear: vi.fn(() => {
    calls.push(['clear']);
  }),
};

/** Electron's clipboard item: a plain record of its entries, enough to assert on. */
class FakeClipboardItem {
  constructor(readonly entries: Record<string, string | Blob>) {}
}

const SECRET = 'kpat_5fQ9zR2wXyL7mN3vB8cD1eH4jK6tP0sA';

async function load(withClipboardItem = true) {
  vi.resetModules();
  vi.doMock('electron', () =>
    withClipboardItem ? { clipboard, ClipboardItem: FakeClipboardItem } : { clipboard },
  );
  return import('./electron-clipboard');
}

/** An item's entries with each Blob read back as bytes. */
async function entriesOf(item: FakeClipboardItem): Promise<Record<string, string | Buffer>> {
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

afterEach(() => {
  vi.doUnmock('electron');
});

describe('with the clipboard API of Electron 40 (no ClipboardItem)', () => {
  it.each(['linux', 'darwin', 'win32'] as const)(
    'on %s writes the text in one commit and never a mark that would replace it',
    async (platform) => {
      const { createElectronClipboard } = await load(false);
      await createElectronClipboard(platform).writeSecret(SECRET);
      expect(calls).toEqual([['writeText', SECRET]]);
    },
  );
});

describe('with ClipboardItem (Electron 44 and later: one item, one commit)', () => {
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
    'on %s writes the text and the platform marks as one item',
    async (platform, marks) => {
      const { createElectronClipboard, rawFormat } = await load();
      await createElectronClipboard(platform as NodeJS.Platform).writeSecret(SECRET);

      expect(calls).toHaveLength(1);
      const [method, items] = calls[0] as [string, FakeClipboardItem[]];
      expect(method).toBe('write');
      expect(items).toHaveLength(1);
      expect(await entriesOf(items[0] as FakeClipboardItem)).toEqual({
        'text/plain': SECRET,
        ...Object.fromEntries(
          Object.entries(marks).map(([name, bytes]) => [rawFormat(name), bytes]),
        ),
      });
      expect(clipboard.writeText).not.toHaveBeenCalled();
    },
  );

  it('names raw formats the way Electron reads them back', async () => {
    const { rawFormat } = await load();
    expect(rawFormat('x-kde-passwordManagerHint')).toBe(
      'electron application/osclipboard;format="x-kde-passwordManagerHint"',
    );
  });

  it('falls back to the plain text when the item is refused', async () => {
    const { createElectronClipboard } = await load();
    clipboard.write.mockImplementationOnce(() => Promise.reject(new TypeError('unsupported')));
    await createElectronClipboard('linux').writeSecret(SECRET);
    expect(calls).toEqual([['writeText', SECRET]]);
  });

  it('writes only the text on a platform without marks', async () => {
    const { createElectronClipboard } = await load();
    await createElectronClipboard('freebsd').writeSecret(SECRET);
    expect(calls).toEqual([['writeText', SECRET]]);
  });
});

describe('reading and clearing', () => {
  it('passes through to Electron, whether it answers at once or with a promise', async () => {
    const { createElectronClipboard } = await load();
    const port = createElectronClipboard('linux');
    expect(await port.readText()).toBe('current');
    clipboard.readText.mockImplementationOnce(() => Promise.resolve('later'));
    expect(await port.readText()).toBe('later');
    await port.clear();
    expect(calls).toEqual([['clear']]);
  });
});
