import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The clipboard calls Electron receives, in order: the commits are the point of these tests.
const calls: Array<[string, ...unknown[]]> = [];
const clipboard = {
  writeText: vi.fn((text: string) => calls.push(['writeText', text])),
  writeBuffer: vi.fn((format: string, data: Buffer) => calls.push(['writeBuffer', format, data])),
  write: vi.fn((data: unknown) => {
    calls.push(['write', data]);
  }),
  readText: vi.fn(() => 'current'),
  clear: vi.fn(() => calls.push(['clear'])),
};

/** Electron's newer clipboard item: a plain record of its entries, enough to assert on. */
class FakeClipboardItem {
  constructor(readonly entries: Record<string, string | Buffer>) {}
}

const SECRET = 'kpat_5fQ9zR2wXyL7mN3vB8cD1eH4jK6tP0sA';

async function load(withClipboardItem: boolean) {
  vi.resetModules();
  vi.doMock('electron', () =>
    withClipboardItem ? { clipboard, ClipboardItem: FakeClipboardItem } : { clipboard },
  );
  return import('./electron-clipboard');
}

beforeEach(() => {
  calls.length = 0;
  vi.clearAllMocks();
});

afterEach(() => {
  vi.doUnmock('electron');
});

describe('with the clipboard API of Electron 39 (no ClipboardItem)', () => {
  it.each(['linux', 'darwin', 'win32'] as const)(
    'on %s writes the text in one commit and never a hint that would replace it',
    async (platform) => {
      const { createElectronClipboard } = await load(false);
      createElectronClipboard(platform).writeSecret(SECRET);
      expect(calls).toEqual([['writeText', SECRET]]);
      expect(clipboard.writeBuffer).not.toHaveBeenCalled();
    },
  );
});

describe('with ClipboardItem (all entries of one write are committed together)', () => {
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
      const { createElectronClipboard, rawFormat } = await load(true);
      createElectronClipboard(platform as NodeJS.Platform).writeSecret(SECRET);

      expect(calls).toHaveLength(1);
      const [method, items] = calls[0] as [string, unknown];
      expect(method).toBe('write');
      expect(items).toEqual([
        new FakeClipboardItem({
          'text/plain': SECRET,
          ...Object.fromEntries(
            Object.entries(marks).map(([name, bytes]) => [rawFormat(name), bytes]),
          ),
        }),
      ]);
      expect(clipboard.writeText).not.toHaveBeenCalled();
      expect(clipboard.writeBuffer).not.toHaveBeenCalled();
    },
  );

  it('names raw formats the way Electron reads them back', async () => {
    const { rawFormat } = await load(true);
    expect(rawFormat('x-kde-passwordManagerHint')).toBe(
      'electron application/osclipboard;format="x-kde-passwordManagerHint"',
    );
  });

  it('falls back to the plain text when the item is refused', async () => {
    const { createElectronClipboard } = await load(true);
    clipboard.write.mockImplementationOnce(() => {
      throw new TypeError('unsupported format');
    });
    createElectronClipboard('linux').writeSecret(SECRET);
    expect(calls).toEqual([['writeText', SECRET]]);
  });

  it('writes only the text on a platform without marks', async () => {
    const { createElectronClipboard } = await load(true);
    createElectronClipboard('freebsd').writeSecret(SECRET);
    expect(calls).toEqual([['writeText', SECRET]]);
  });
});

describe('reading and clearing', () => {
  it('passes through to Electron', async () => {
    const { createElectronClipboard } = await load(false);
    const port = createElectronClipboard('linux');
    expect(port.readText()).toBe('current');
    port.clear();
    expect(calls).toEqual([['clear']]);
  });
});
