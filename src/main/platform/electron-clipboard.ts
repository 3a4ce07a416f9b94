import { clipboard, ClipboardItem } from 'electron';
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

/**
 * Electron's clipboard as the core's port.
 *
 * The text and the "this is a password" marks must land in ONE clipboard commit: a clipboard
 * manager snapshots each commit, so text committed before its mark is already in the history.
 * Since Electron 44 the clipboard follows the web model: `write([ClipboardItem])` commits every
 * entry of the item atomically, raw platform formats included, and every call returns a promise.
 */
export function createElectronClipboard(
  platform: NodeJS.Platform = process.platform,
): ClipboardPort {
  return {
    async writeSecret(text) {
      const entries: Record<string, string | Blob> = { 'text/plain': text };
      for (const [name, bytes] of Object.entries(concealedFormats(platform))) {
        entries[rawFormat(name)] = new Blob([new Uint8Array(bytes)]);
      }
      try {
        await clipboard.write([new ClipboardItem(entries)]);
      } catch {
        // A clipboard that refuses a mark still gets the text the user asked for; the auto-clear
        // is then the only protection.
        await clipboard.writeText(text);
      }
    },
    readText: () => clipboard.readText(),
    clear: () => {
      clipboard.clear();
      return Promise.resolve();
    },
  };
}

export const electronClipboard: ClipboardPort = createElectronClipboard();
