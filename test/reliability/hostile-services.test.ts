import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountInventory } from '../../src/shared/model';
import { startKestraSim, type KestraSim } from '../../sim/kestra/kestra.sim';
import { demoKestraSeed, DEMO_TENANT, DEMO_USER } from '../../sim/kestra/kestra-seeds';
import {
  HOSTILE_NAMES,
  startHostileKestra,
  type HostileKestra,
  type HostileMode,
} from './support/hostile-kestra';
import { resultOf, startRecordingStack, type RecordingStack } from './support/recording-stack';
import { Tally } from './support/results';

const tally = new Tally('hostile-services', 'hostile services: clear per-account errors, no crash');
const credential = `hostile${randomBytes(16).toString('hex')}`;
const healthySecret = `healthy${randomBytes(16).toString('hex')}`;

let sim: KestraSim;
let hostile: HostileKestra;
let stack: RecordingStack;
let healthyId: string;
let hostileId: string;

async function addKestra(label: string, baseUrl: string, secret: string): Promise<string> {
  const added = await stack.call('accounts:add', {
    provider: 'kestra',
    label,
    baseUrl,
    settings: { userId: DEMO_USER, tenant: DEMO_TENANT },
    credential: secret,
  });
  return resultOf<{ id: string }>(added).id;
}

beforeAll(async () => {
  sim = await startKestraSim(demoKestraSeed(healthySecret));
  hostile = await startHostileKestra(credential);
  stack = await startRecordingStack(`TokenDesk-hostile-${randomBytes(4).toString('hex')}`);
  healthyId = await addKestra('Healthy', sim.url, healthySecret);
  hostileId = await addKestra('Hostile', hostile.url, credential);
});

afterAll(async () => {
  await stack.stop();
  await hostile.close();
  await sim.close();
  await tally.record();
});

/** Refreshes every account at once, as the app does on start, with the server in `mode`. */
async function refreshAll(
  mode: HostileMode,
): Promise<{ healthy: AccountInventory; hostile: AccountInventory }> {
  hostile.mode = mode;
  const inventories = resultOf<AccountInventory[]>(await stack.call('tokens:refresh', {}));
  const find = (id: string) => {
    const found = inventories.find((inventory) => inventory.accountId === id);
    if (found === undefined) throw new Error(`no inventory for ${id}`);
    return found;
  };
  tally.add('hostile answers tried');
  return { healthy: find(healthyId), hostile: find(hostileId) };
}

describe('hostile services', () => {
  it.each<[HostileMode, string, RegExp]>([
    ['huge-body', 'BAD_RESPONSE', /larger than/],
    ['wrong-types', 'BAD_RESPONSE', /does not understand/],
    ['html-error', 'SERVICE_ERROR', /HTTP 502/],
    ['html-login-page', 'BAD_RESPONSE', /web page instead of data/],
    ['slow-loris', 'TIMEOUT', /did not answer within/],
    ['redirect', 'BAD_RESPONSE', /does not follow redirects/],
    ['odd-dates', 'BAD_RESPONSE', /does not understand/],
  ])('answers %s with a clear error for that account only', async (mode, code, words) => {
    const { healthy, hostile: broken } = await refreshAll(mode);

    expect(healthy.state).toBe('ok');
    expect(healthy.tokens.length).toBeGreaterThan(0);
    expect(broken.error?.code).toBe(code);
    const message = broken.error?.message ?? '';
    expect(message).toMatch(words);
    expect(message).not.toMatch(/<|>|script|alert|Bearer/);
    expect(message.length).toBeLessThan(400);
    expect(message).not.toContain(credential);
    // The last good list stays, marked stale: nothing the user saw is lost.
    expect(broken.stale).toBe(true);
    expect(broken.tokens.map((token) => token.name)).toEqual(['ci-deploy']);
    if (broken.error?.code !== code)
      tally.violation(`${mode}: ${broken.error?.code ?? 'no error'}`);
  });

  it('never follows a redirect, so the credential never reaches the other host', () => {
    expect(hostile.seen.some((request) => request.path.includes('api-tokens'))).toBe(true);
    expect(hostile.elsewhere.seen).toEqual([]);
    if (hostile.elsewhere.seen.length > 0) tally.violation('a redirect was followed');
  });

  it('passes token names with markup, bidi controls and emoji through as plain text', async () => {
    const { hostile: listed } = await refreshAll('hostile-names');

    expect(listed.state).toBe('ok');
    expect(listed.tokens.map((token) => token.name).sort()).toEqual([...HOSTILE_NAMES].sort());
  });

  it('keeps serving afterwards', async () => {
    const { healthy, hostile: back } = await refreshAll('ok');

    expect(healthy.state).toBe('ok');
    expect(back.state).toBe('ok');
    expect(back.stale).toBe(false);
    expect((await stack.call('app:info', {})).ok).toBe(true);
  });
});
