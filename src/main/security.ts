import type { SenderFacts } from './ipc/handle';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * Our own pages: the built renderer served from app://tokendesk/ (renderer-protocol.ts), or the
 * dev server's origin in a development build (`npm run dev`). Parsed with URL, never compared
 * by prefix (https://ours.example.com.attacker.test starts with ours, too). A production build
 * passes no dev server, so no URL from the environment can become a trusted sender.
 */
export function createOriginPolicy(devServerUrl: string | undefined) {
  const devUrl = devServerUrl === undefined ? null : new URL(devServerUrl);
  const devSocket = devUrl === null ? null : devUrl.protocol === 'https:' ? 'wss:' : 'ws:';

  const parse = (raw: string): URL | null => {
    try {
      return new URL(raw);
    } catch {
      return null;
    }
  };
  // A custom scheme's URL has an opaque origin to the URL parser: scheme and host say it all.
  const isAppUrl = (url: URL): boolean =>
    url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.port === '';

  const isOwnUrl = (raw: string): boolean => {
    const url = parse(raw);
    if (url === null) return false;
    return devUrl === null ? isAppUrl(url) : url.origin === devUrl.origin;
  };

  /** What the page may load: its own bundle (and the dev server with its HMR socket); no remote content. */
  const isOwnResource = (raw: string): boolean => {
    const url = parse(raw);
    if (url === null) return false;
    // Images inlined by the bundler (the CSP allows img-src data:) and Chromium's own devtools.
    if (url.protocol === 'data:' || url.protocol === 'devtools:') return true;
    if (devUrl !== null) {
      return url.host === devUrl.host && [devUrl.protocol, devSocket].includes(url.protocol);
    }
    return isAppUrl(url);
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
