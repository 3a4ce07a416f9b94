import * as electron from 'electron';
import type { ClipboardPort } from '../core/clipboard/secret-clipboard';

/**
 * The marks clipboard managers honour to keep a copied secret out of their history (anchors.md
 * B3), as raw platform formats and their bytes.
 */
export function concealedFormats(platform: NodeJS.Platform): Record<string, Buffer> {
  switch (platform) {
    case 'linux':
      // KDE's hint, also honoured by clipcat, GNOME clipboard-history and wl-paste.
      return { 'x-kde-passwordManagerHint': Buffer.from('secret') };
    case 'darwin':
      // nspasteboard.org's marker: its presence is the message, the data is ignored.
      return { 'org.nspasteboard.ConcealedType': Buffer.alloc(0) };
    case 'win32':
      return {
        ExcludeClipboardContentFromMonitorProcessing: dword(1),
        CanIncludeInClipboardHistory: dword(0),
        CanUploadToCloudClipboard: dword(0),
      };
    default:
      return {};
  }
}

function dword(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
}

/** Electron's name for a raw platform format inside a ClipboardItem. */
export function rawFormat(name: string): string {
  return `electron application/osclipboard;format="${name}"`;
}

type ClipboardItemClass = new (items: Record<string, string | Blob>) => unknown;
/** `clipboard.write` as Electron 44 and later declare it: items in, a promise out. */
interface ItemWriter {
  write(items: unknown[]): Promise<void>;
}

/**
 * Electron's ClipboardItem, where this Electron has it (44 and later). Looked up at run time: the
 * Electron the project builds with (40, the newest whose tooling installs on Node 20) has none.
 */
function clipboardItemClass(): ClipboardItemClass | null {
  if (!('ClipboardItem' in electron)) return null;
  const candidate: unknown = (electron as Record<string, unknown>)['ClipboardItem'];
  return typeof candidate === 'function' ? (candidate as ClipboardItemClass) : null;
}

/**
 * Electron's clipboard as the core's port.
 *
 * The text and the "this is a password" marks must land in ONE clipboard commit. Up to Electron
 * 43 every clipboard call is its own commit that empties the clipboard first: `writeBuffer(hint)`
 * after `writeText(secret)` leaves the hint and no text, and `writeText` after `writeBuffer` drops
 * the hint (electron/electron#11838, #41462), while `clipboard.write({…})` takes only text, html,
 * rtf, image and bookmark. Electron 44 commits every entry of one `write([ClipboardItem])`
 * atomically, raw formats included, so the marks go with the text wherever that API exists;
 * elsewhere only the text is written, and the auto-clear is the protection.
 */
export function createElectronClipboard(
  platform: NodeJS.Platform = process.platform,
): ClipboardPort {
  const { clipboard } = electron;
  return {
    async writeSecret(text) {
      const Item = clipboardItemClass();
      const marks = Object.entries(concealedFormats(platform));
      if (Item === null || marks.length === 0) {
        clipboard.writeText(text);
        return;
      }
      const entries: Record<string, string | Blob> = { 'text/plain': text };
      for (const [name, bytes] of marks) entries[rawFormat(name)] = new Blob([bytes]);
      try {
        await (clipboard as unknown as ItemWriter).write([new Item(entries)]);
      } catch {
        // A clipboard that refuses a mark still gets the text the user asked for.
        clipboard.writeText(text);
      }
    },
    // Electron 44 made these asynchronous; awaiting covers both.
    readText: async () => await Promise.resolve(clipboard.readText()),
    clear: async () => {
      await Promise.resolve(clipboard.clear());
    },
  };
}

export const electronClipboard: ClipboardPort = createElectronClipboard();
