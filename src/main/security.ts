import type { SenderFacts } from './ipc/handle';

/**
 * Our own pages: the built renderer loaded from file://…/renderer/index.html, or the dev
 * server's origin during `electron-vite dev`. Parsed with URL, never compared by prefix
 * (https://ours.example.com.attacker.test starts with ours, too).
 *
 * file:// rather than a custom protocol: the page is one local file whose CSP allows only its
 * own bundle, every request it makes is filtered through isOwnResource (so the extra reach of
 * file:// pages into other local files is cut off in main, not left to the renderer), and the
 * IPC sender check pins the exact file. A privileged app:// scheme would add a protocol handler
 * to get right and to keep in step with the e2e launcher, for no origin we do not already pin.
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

  const rendererDir = fileUrl.pathname.slice(0, fileUrl.pathname.lastIndexOf('/') + 1);
  const devUrl = devServerUrl === undefined ? null : new URL(devServerUrl);
  const devSocket = devUrl === null ? null : devUrl.protocol === 'https:' ? 'wss:' : 'ws:';

  /** What the page may load: its own bundle (and the dev server with its HMR socket); no remote content. */
  const isOwnResource = (raw: string): boolean => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    // Images inlined by the bundler (the CSP allows img-src data:) and Chromium's own devtools.
    if (url.protocol === 'data:' || url.protocol === 'devtools:') return true;
    if (devUrl !== null) {
      return url.host === devUrl.host && [devUrl.protocol, devSocket].includes(url.protocol);
    }
    // URL resolves `..` (also as %2e%2e), so a prefix test on the parsed path holds, unless an
    // encoded separator hides a `..` from the parser.
    return (
      url.protocol === 'file:' &&
      url.host === fileUrl.host &&
      url.pathname.startsWith(rendererDir) &&
      !/%2f|%5c/i.test(url.pathname)
    );
  };

  return {
    isOwnUrl,
    isOwnResource,
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

/** What the external-link rule needs to know of an account. */
export interface ServiceAddresses {
  baseUrl: string;
  tokenPageUrl: string | null;
}

/** The origins of the services the user has accounts at: their API addresses and token pages. */
export function knownServiceOrigins(accounts: readonly ServiceAddresses[]): Set<string> {
  const origins = new Set<string>();
  for (const account of accounts) {
    for (const raw of [account.baseUrl, account.tokenPageUrl]) {
      if (raw !== null && isSafeExternalUrl(raw)) origins.add(new URL(raw).origin);
    }
  }
  return origins;
}

/**
 * A link leaves the app only for an https page of a service the user has an account at: a
 * compromised page must not be able to hand the OS an arbitrary URL (other schemes start
 * programs; other hosts are phishing).
 */
export function createExternalOpener(
  listAccounts: () => Promise<readonly ServiceAddresses[]>,
  open: (url: string) => Promise<void>,
): (url: string) => Promise<boolean> {
  return async (url) => {
    if (!isSafeExternalUrl(url)) return false;
    const known = knownServiceOrigins(await listAccounts());
    if (!known.has(new URL(url).origin)) return false;
    await open(url);
    return true;
  };
}
