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

type ClipboardItemClass = new (items: Record<string, string | Buffer>) => unknown;
/** `clipboard.write` as the newer Electron declares it: items in, a promise out. */
interface ItemWriter {
  write(items: unknown[]): Promise<void> | void;
}

/**
 * Electron's W3C-style ClipboardItem, where this Electron has it. Looked up with `in` rather than
 * imported: the Electron we build with (39) does not export it.
 */
function clipboardItemClass(): ClipboardItemClass | null {
  if (!('ClipboardItem' in electron)) return null;
  const candidate: unknown = (electron as Record<string, unknown>)['ClipboardItem'];
  return typeof candidate === 'function' ? (candidate as ClipboardItemClass) : null;
}

/**
 * Electron's clipboard as the core's port.
 *
 * The text and the "this is a password" marks must land in ONE clipboard commit. In Electron 39
 * every clipboard call is its own commit that empties the clipboard first (each creates a
 * ScopedClipboardWriter): `writeBuffer(hint)` after `writeText(secret)` leaves the hint and no
 * text, and `writeText` after `writeBuffer` drops the hint (electron/electron#2130, #11838,
 * #41462), while `clipboard.write({…})` takes only text, html, rtf, image and bookmark. Tools
 * that set the marks from Electron do it natively (Bitwarden's arboard-based module). Electron's
 * newer clipboard API commits every entry of one `write([ClipboardItem])` atomically, raw
 * formats included, so the marks are written with the text wherever that API exists; elsewhere
 * only the text is written, and the auto-clear is the protection.
 */
export function createElectronClipboard(
  platform: NodeJS.Platform = process.platform,
): ClipboardPort {
  const { clipboard } = electron;
  return {
    writeSecret(text) {
      const Item = clipboardItemClass();
      const marks = Object.entries(concealedFormats(platform));
      if (Item === null || marks.length === 0) {
        clipboard.writeText(text);
        return;
      }
      const entries: Record<string, string | Buffer> = { 'text/plain': text };
      for (const [name, bytes] of marks) entries[rawFormat(name)] = bytes;
      // Should the newer API refuse the item, the user still gets the text they asked for.
      try {
        const pending = (clipboard as unknown as ItemWriter).write([new Item(entries)]);
        void Promise.resolve(pending).catch(() => clipboard.writeText(text));
      } catch {
        clipboard.writeText(text);
      }
    },
    readText() {
      return clipboard.readText();
    },
    clear() {
      clipboard.clear();
    },
  };
}

export const electronClipboard: ClipboardPort = createElectronClipboard();
