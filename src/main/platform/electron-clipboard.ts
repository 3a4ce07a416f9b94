import { clipboard } from 'electron';
import type { ClipboardPort } from '../core/clipboard/secret-clipboard';

/** Electron's clipboard as the core's port. */
export const electronClipboard: ClipboardPort = {
  writeSecret(text) {
    clipboard.writeText(text);
  },
  readText() {
    return clipboard.readText();
  },
  clear() {
    clipboard.clear();
  },
};
