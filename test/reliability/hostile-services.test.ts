import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/contract';
import type { AccountInventory, TokenInfo } from '../../src/shared/model';
import { startKestraSim, type KestraSim } from '../../sim/kestra/kestra.sim';
import { demoKestraSeed, DEMO_TENANT, DEMO_USER } from '../../sim/kestra/kestra-seeds';
import {
  HOSTILE_PROFILES,
  type HostileProfile,
  type ListProfile,
  type VerifyProfile,
} from './support/hostile-profiles';
import {
  HOSTILE_NAMES,
  ODD_DATES,
  startHostileService,
  type HostileMode,
  type HostileService,
} from './support/hostile-service';
import { resultOf, startRecordingStack, type RecordingStack } from './support/recording-stack';
import { Tally } from './support/results';

const tally = new Tally('hostile-services', 'hostile services: clear per-account errors, no crash');
const healthySecret = `healthy${randomBytes(16).toString('hex')}`;

let sim: KestraSim;
let stack: RecordingStack;
let healthyId: string;

beforeAll(async () => {
  sim = await startKestraSim(demoKestraSeed(healthySecret));
  stack = await startRecordingStack(`TokenDesk-hostile-${randomBytes(4).toString('hex')}`, {
    adapters: HOSTILE_PROFILES.map((profile) => profile.adapter),
  });
  healthyId = resultOf<{ id: string }>(
    await stack.call('accounts:add', {
      provider: 'kestra',
      label: 'Healthy',
      baseUrl: sim.url,
      settings: { userId: DEMO_USER, tenant: DEMO_TENANT },
      credential: healthySecret,
    }),
  ).id;
});

afterAll(async () => {
  await stack.stop();
  await sim.close();
  await tally.record();
});

/** Every hostile answer but the odd-looking good ones, with the error each must give. */
const BROKEN: Array<[HostileMode, string, RegExp]> = [
  ['huge-body', 'BAD_RESPONSE', /larger than/],
  ['wrong-types', 'BAD_RESPONSE', /does not understand/],
  ['html-error', 'SERVICE_ERROR', /HTTP 502/],
  ['html-login-page', 'BAD_RESPONSE', /web page instead of data/],
  ['slow-loris', 'TIMEOUT', /did not answer within/],
  ['redirect', 'BAD_RESPONSE', /does not follow redirects/],
];

/** Refreshes every account at once, as the app does on start. */
async function refreshAll(): Promise<Map<string, AccountInventory>> {
  const inventories = resultOf<AccountInventory[]>(await stack.call('tokens:refresh', {}));
  return new Map(inventories.map((inventory) => [inventory.accountId, inventory]));
}

function inventoryOf(inventories: Map<string, AccountInventory>, id: string): AccountInventory {
  const found = inventories.get(id);
  if (found === undefined) throw new Error(`no inventory for ${id}`);
  return found;
}

/** The other account, on a well-behaved service, is not touched by the hostile one. */
function expectHealthy(inventories: Map<string, AccountInventory>): void {
  const healthy = inventoryOf(inventories, healthyId);
  expect(healthy.state).toBe('ok');
  expect(healthy.tokens.length).toBeGreaterThan(0);
}

/** Counted before asserting, so the summary shows every wrong answer, not only the first. */
function expectClearError(
  what: string,
  error: { code: string; message: string } | null | undefined,
  code: string,
  words: RegExp,
  credential: string,
): void {
  if (error?.code !== code) tally.violation(`${what}: ${error?.code ?? 'no error'}`);
  expect(error?.code).toBe(code);
  const message = error?.message ?? '';
  expect(message).toMatch(words);
  expect(message).not.toMatch(/<|>|script|alert|Bearer/);
  expect(message.length).toBeLessThan(400);
  expect(message).not.toContain(credential);
}

async function addAccount(profile: HostileProfile, url: string, credential?: string) {
  const added = await stack.call('accounts:add', {
    provider: profile.provider,
    label: `Hostile ${profile.provider}`,
    baseUrl: url,
    settings: profile.settings,
    ...(credential === undefined ? {} : { credential }),
  });
  return resultOf<{ id: string }>(added).id;
}

/** No redirect was followed, so no credential reached the other host. */
function expectNoRedirectFollowed(hostile: HostileService, provider: string): void {
  if (hostile.elsewhere.seen.length > 0) tally.violation(`${provider}: a redirect was followed`);
  expect(hostile.seen.length).toBeGreaterThan(0);
  expect(hostile.elsewhere.seen).toEqual([]);
}

function describeListed(profile: ListProfile): void {
  describe(`${profile.provider}: token list from a hostile server`, () => {
    const credential = profile.credential();
    let hostile: HostileService;
    let accountId: string;

    beforeAll(async () => {
      hostile = await startHostileService(profile, credential);
      accountId = await addAccount(profile, hostile.url, credential);
    });
    afterAll(() => hostile.close());

    async function refreshIn(mode: HostileMode) {
      hostile.mode = mode;
      const inventories = await refreshAll();
      tally.add('hostile answers tried');
      expectHealthy(inventories);
      return inventoryOf(inventories, accountId);
    }

    it.each(BROKEN)(
      'answers %s with a clear error for that account only',
      async (mode, code, words) => {
        const broken = await refreshIn(mode);

        expectClearError(`${profile.provider} ${mode}`, broken.error, code, words, credential);
        // The last good list stays, marked stale: nothing the user saw is lost.
        expect(broken.stale).toBe(true);
        expect(broken.tokens.map((token) => token.name)).toEqual(['ci-deploy']);
      },
    );

    it('refuses impossible dates with a clear error and keeps the last good list', async () => {
      const broken = await refreshIn('bad-dates');

      expectClearError(
        `${profile.provider} bad dates`,
        broken.error,
        'BAD_RESPONSE',
        /does not understand/,
        credential,
      );
      expect(broken.stale).toBe(true);
      expect(broken.tokens.map((token) => token.name)).toEqual(['ci-deploy']);
    });

    it('never follows a redirect, so the credential never reaches the other host', () => {
      expectNoRedirectFollowed(hostile, profile.provider);
    });

    it('reads dates in odd but valid spellings as the instants they mean', async () => {
      const listed = await refreshIn('odd-dates');

      expect(listed.state).toBe('ok');
      const [token] = listed.tokens;
      expect(token?.createdAt).toBe(ODD_DATES.created[1]);
      expect(token?.lastUsedAt).toBe(ODD_DATES.lastUsed[1]);
      expect(token?.expiresAt).toBe(profile.reportsExpiry ? ODD_DATES.expires[1] : null);
    });

    it('passes token names with markup, bidi controls and emoji through as plain text', async () => {
      const listed = await refreshIn('hostile-names');

      expect(listed.state).toBe('ok');
      expect(listed.tokens.map((token) => token.name).sort()).toEqual([...HOSTILE_NAMES].sort());
    });

    it('keeps serving afterwards', async () => {
      const back = await refreshIn('ok');

      expect(back.state).toBe('ok');
      expect(back.stale).toBe(false);
      expect((await stack.call('app:info', {})).ok).toBe(true);
    });
  });
}

function describeVerified(profile: VerifyProfile): void {
  describe(`${profile.provider}: token check against a hostile server`, () => {
    const secret = profile.secret();
    let hostile: HostileService;
    let accountId: string;
    let tokenId: string;

    const track = async (name: string, value: string): Promise<TokenInfo> =>
      resultOf<TokenInfo>(
        await stack.call('tokens:track', { accountId, name, secret: value, ...profile.track }),
      );

    beforeAll(async () => {
      hostile = await startHostileService(profile, secret);
      accountId = await addAccount(profile, hostile.url);
      tokenId = (await track('ci-deploy', secret)).id;
    });
    afterAll(() => hostile.close());

    async function verifyIn(mode: HostileMode) {
      hostile.mode = mode;
      const outcome = (await stack.call('tokens:verify', { accountId, tokenId })) as Envelope<{
        works: boolean;
      }>;
      tally.add('hostile answers tried');
      const inventories = await refreshAll();
      expectHealthy(inventories);
      return { outcome, tracked: inventoryOf(inventories, accountId) };
    }

    /** The tracked token and its secret are kept, whatever the service answered. */
    function expectKept(tracked: AccountInventory): void {
      const token = tracked.tokens.find((candidate) => candidate.id === tokenId);
      expect(token).toMatchObject({ name: 'ci-deploy', hasSecret: true, status: 'active' });
    }

    it.each(BROKEN)(
      'answers %s with a clear error for that token only',
      async (mode, code, words) => {
        const { outcome, tracked } = await verifyIn(mode);

        expect(outcome.ok).toBe(false);
        expectClearError(
          `${profile.provider} ${mode}`,
          outcome.ok ? null : outcome.error,
          code,
          words,
          secret,
        );
        expectKept(tracked);
      },
    );

    it('never follows a redirect, so the token never reaches the other host', () => {
      expectNoRedirectFollowed(hostile, profile.provider);
    });

    it.each<HostileMode>(['odd-dates', 'bad-dates', 'hostile-names'])(
      'ignores %s in what the service says about its own objects',
      async (mode) => {
        const { outcome, tracked } = await verifyIn(mode);

        expect(outcome).toMatchObject({ ok: true, result: { works: true } });
        expectKept(tracked);
      },
    );

    it('keeps token names with markup, bidi controls and emoji as plain text', async () => {
      hostile.mode = 'ok';
      for (const name of HOSTILE_NAMES) {
        const value = profile.secret();
        hostile.credentials.push(value);
        expect((await track(name, value)).name).toBe(name);
      }
      const tracked = inventoryOf(await refreshAll(), accountId);
      expect(tracked.tokens.map((token) => token.name).sort()).toEqual(
        [...HOSTILE_NAMES, 'ci-deploy'].sort(),
      );
    });

    it('keeps serving afterwards: the kept secret still checks out', async () => {
      const { outcome } = await verifyIn('ok');

      expect(outcome).toMatchObject({ ok: true, result: { works: true } });
      expect((await stack.call('app:info', {})).ok).toBe(true);
    });
  });
}

for (const profile of HOSTILE_PROFILES) {
  tally.add('services tried');
  if (profile.drive === 'list') describeListed(profile);
  else describeVerified(profile);
}
