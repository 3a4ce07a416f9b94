import type { SenderFacts } from './ipc/handle';

/**
 * Our own pages: the built renderer loaded from file://…/renderer/index.html, or the dev
 * server's origin during `electron-vite dev`. Parsed with URL, never compared by prefix
 * (https://ours.example.com.attacker.test starts with ours, too).
 */
export function createOriginPolicy(rendererIndexFile: string, devServerUrl: string | undefined) {
  const fileUrl = new URL(`file://${rendererIndexFile.replace(/\\/g, '/')}`);
  const devOrigin = devServerUrl === undefined ? null : new URL(devServerUrl).origin;

  const isOwnUrl = (raw: string): boolean => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (devOrigin !== null) return url.origin === devOrigin;
    // The host too: file://host/… names a network share (a UNC path on Windows), not our file.
    return (
      url.protocol === 'file:' && url.host === fileUrl.host && url.pathname === fileUrl.pathname
    );
  };

  return {
    isOwnUrl,
    isTrustedSender: (sender: SenderFacts): boolean =>
      sender.isMainFrame && sender.url !== null && isOwnUrl(sender.url),
  };
}

/** Links the app may open in the user's browser: https only. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
