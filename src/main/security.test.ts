import { describe, expect, it, vi } from 'vitest';
import {
  createExternalOpener,
  createOriginPolicy,
  isSafeExternalUrl,
  knownServiceOrigins,
} from './security';

const OWN_URL = 'app://tokendesk/index.html';
const DEV_SERVER = 'http://localhost:5173';

describe('createOriginPolicy in a production build', () => {
  const policy = createOriginPolicy(undefined);

  it.each([OWN_URL, `${OWN_URL}#/tokens`, `${OWN_URL}?view=tokens`, 'app://tokendesk/'])(
    'treats %s as our own page',
    (url) => {
      expect(policy.isOwnUrl(url)).toBe(true);
    },
  );

  it.each([
    ['another host on our scheme', 'app://attacker.test/index.html'],
    ['our host with a port', 'app://tokendesk:8080/index.html'],
    ['our host as credentials', 'app://tokendesk@attacker.test/index.html'],
    ['the old file page', 'file:///opt/TokenDesk/resources/app.asar/out/renderer/index.html'],
    ['a file elsewhere', 'file:///etc/passwd'],
    ['our host over https', 'https://tokendesk/index.html'],
    ['the dev server', `${DEV_SERVER}/`],
  ])('refuses %s', (_what, url) => {
    expect(policy.isOwnUrl(url)).toBe(false);
  });

  it.each(['', 'not a url', 'http://[::1', 'app', '//tokendesk/index.html'])(
    'refuses the unparsable %j',
    (url) => {
      expect(policy.isOwnUrl(url)).toBe(false);
    },
  );
});

describe('createOriginPolicy in development', () => {
  const policy = createOriginPolicy(DEV_SERVER);

  it.each([`${DEV_SERVER}/`, `${DEV_SERVER}/#/tokens`, `${DEV_SERVER}/src/main.tsx?t=1`])(
    'treats %s on the dev server as our own page',
    (url) => {
      expect(policy.isOwnUrl(url)).toBe(true);
    },
  );

  it.each([
    ['another port', 'http://localhost:5174/'],
    ['another scheme', 'https://localhost:5173/'],
    ['another host', 'http://127.0.0.1:5173/'],
    ['a host that starts like ours', 'http://localhost:5173.attacker.test/'],
    ['ours as credentials of another host', 'http://localhost:5173@attacker.test/'],
    ['the built page (only the dev server is ours in dev mode)', OWN_URL],
  ])('refuses %s', (_what, url) => {
    expect(policy.isOwnUrl(url)).toBe(false);
  });

  it('compares origins, not prefixes', () => {
    const ours = createOriginPolicy('https://ours.example.com');

    expect(ours.isOwnUrl('https://ours.example.com/index.html')).toBe(true);
    expect(ours.isOwnUrl('https://ours.example.com.attacker.test/')).toBe(false);
    expect(ours.isOwnUrl('https://ours.example.com:8443/')).toBe(false);
    expect(ours.isOwnUrl('https://attacker.test/?https://ours.example.com')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const policy = createOriginPolicy(undefined);

  it('trusts the main frame of our own page', () => {
    expect(policy.isTrustedSender({ url: OWN_URL, isMainFrame: true })).toBe(true);
  });

  it.each([
    ['a sub-frame of our page', { url: OWN_URL, isMainFrame: false }],
    ['the main frame of a foreign page', { url: 'https://attacker.test/', isMainFrame: true }],
    ['a frame without a URL', { url: null, isMainFrame: true }],
    ['a main frame at an unparsable URL', { url: 'about:blank', isMainFrame: true }],
  ])('refuses %s', (_what, sender) => {
    expect(policy.isTrustedSender(sender)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://kestra.example.com/docs', 'HTTPS://EXAMPLE.COM/', 'https://example.com:8443/'])(
    'opens %s in the browser',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(true);
    },
  );

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'tokendesk://open',
    'smb://attacker.test/share',
    'mailto:someone@example.com',
    'https://user:password@example.com/',
    'https://user@example.com/',
    '',
    'not a url',
  ])('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('isOwnResource', () => {
  const built = createOriginPolicy(undefined);
  const dev = createOriginPolicy(DEV_SERVER);

  it.each([
    OWN_URL,
    'app://tokendesk/assets/index-abc.js',
    'app://tokendesk/assets/index.css',
    'data:image/png;base64,AA',
  ])('lets the built page load %s', (url) => {
    expect(built.isOwnResource(url)).toBe(true);
  });

  it.each([
    'https://cdn.example.com/react.js',
    'http://127.0.0.1:1234/',
    'file:///opt/TokenDesk/resources/app.asar/out/main/index.js',
    'file:///opt/TokenDesk/resources/app.asar/out/renderer/index.html',
    'app://attacker.test/index.js',
    `${DEV_SERVER}/src/main.tsx`,
    'not a url',
  ])('keeps the built page from loading %s', (url) => {
    expect(built.isOwnResource(url)).toBe(false);
  });

  it('lets the dev page load from the dev server and its HMR socket only', () => {
    expect(dev.isOwnResource(`${DEV_SERVER}/src/main.tsx`)).toBe(true);
    expect(dev.isOwnResource('ws://localhost:5173/')).toBe(true);
    expect(dev.isOwnResource('ws://localhost:5174/')).toBe(false);
    expect(dev.isOwnResource('https://localhost:5173/')).toBe(false);
    expect(dev.isOwnResource(OWN_URL)).toBe(false);
  });
});

describe('knownServiceOrigins', () => {
  it("collects the https origins of the accounts' addresses and token pages", () => {
    const origins = knownServiceOrigins([
      { baseUrl: 'https://kestra.example.com/api', tokenPageUrl: null },
      { baseUrl: 'https://gitlab.com', tokenPageUrl: 'https://gitlab.com/-/user_settings/tokens' },
      { baseUrl: 'http://127.0.0.1:8080', tokenPageUrl: 'https://console.podstack.ai/tokens' },
      { baseUrl: 'not a url', tokenPageUrl: 'javascript:alert(1)' },
    ]);

    expect([...origins].sort()).toEqual([
      'https://console.podstack.ai',
      'https://gitlab.com',
      'https://kestra.example.com',
    ]);
  });
});

describe('createExternalOpener', () => {
  const accounts = [{ baseUrl: 'https://kestra.example.com', tokenPageUrl: null }];

  function opener() {
    const open = vi.fn((_url: string) => Promise.resolve());
    const listAccounts = vi.fn(() => Promise.resolve(accounts));
    return { open, listAccounts, openIfKnown: createExternalOpener(listAccounts, open) };
  }

  it('opens an https page of a known service', async () => {
    const { open, openIfKnown } = opener();

    expect(await openIfKnown('https://kestra.example.com/ui/settings')).toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith('https://kestra.example.com/ui/settings');
  });

  it.each([
    'https://attacker.test/',
    'https://kestra.example.com.attacker.test/',
    'http://kestra.example.com/',
    'https://kestra.example.com:444/',
    'https://u:p@kestra.example.com/',
    'file:///etc/passwd',
  ])('refuses %s without opening anything', async (url) => {
    const { open, openIfKnown } = opener();

    expect(await openIfKnown(url)).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('does not even look up the accounts for a link that is not https', async () => {
    const { listAccounts, openIfKnown } = opener();

    await openIfKnown('ms-msdt:/id PCWDiagnostic');

    expect(listAccounts).not.toHaveBeenCalled();
  });
});
