import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitlabSim, type GitlabSim } from '../../sim/gitlab/gitlab.sim';
import { createHttpClient } from '../../src/main/core/http/http-client';
import type { HttpClient } from '../../src/main/core/http/http-client.types';
import { createGitlabAdapter } from '../../src/main/core/providers/gitlab/gitlab.adapter';
import { appErrorOf } from '../../src/main/core/providers/test-support/app-error-of';
import { testAccount } from '../../src/main/core/providers/test-support/test-account';
import type { ManagedContext } from '../../src/main/core/providers/provider-adapter';

const secret = () => `glpat-${randomBytes(15).toString('base64url')}`;

describe('GitLab adapter against the simulator: what the contract suite does not ask', () => {
  const adapter = createGitlabAdapter();
  const root = secret();
  const bob = secret();
  let sim: GitlabSim;
  let http: HttpClient;

  beforeEach(async () => {
    sim = await startGitlabSim({
      users: [
        { id: 1, username: 'root', admin: true, tokens: [{ name: 'root', secret: root }] },
        {
          id: 2,
          username: 'bob',
          tokens: [
            { name: 'bob-cli', secret: bob, expiresInDays: 30 },
            { name: 'bob-old', expiresInDays: 30, revoked: true },
            { name: 'bob-laptop', expiresInDays: -2 },
          ],
        },
      ],
    });
    http = createHttpClient({ requestTimeoutMs: 1_000, sleep: () => Promise.resolve() });
  });
  afterEach(async () => {
    await http.close();
    await sim.close();
  });

  const ctx = (credential: string, settings: Record<string, string>): ManagedContext => ({
    account: testAccount({
      provider: 'gitlab',
      baseUrl: `${sim.url}/api/v4`,
      settings: adapter.parseSettings(settings),
      mode: 'roll',
    }),
    credential,
    http,
  });
  const simToken = (id: string) => sim.tokens().find((t) => String(t.id) === id);

  it('rolls in place; a second roll presenting the old secret would revoke the whole family', async () => {
    const bobs = ctx(bob, { tokenType: 'personal' });
    const [own] = (await adapter.listTokens(bobs)).filter((t) => adapter.isTokenOf(t, bob));
    expect(own?.name).toBe('bob-cli');

    // Bob's own credential rolled with itself: the old secret dies in the same call.
    const rolled = await adapter.rollToken(bobs, own?.id ?? '', { kind: 'days', days: 30 });
    expect(simToken(own?.id ?? '')?.revoked).toBe(true);
    await expect(
      adapter.verify(ctx(rolled.secret, { tokenType: 'personal' }), rolled.secret),
    ).resolves.toBeUndefined();

    // What TokenDesk never does: retry the roll with the old secret. GitLab calls it reuse.
    const reused = await appErrorOf(
      adapter.rollToken(bobs, own?.id ?? '', { kind: 'days', days: 30 }),
    );
    expect(reused.code).toBe('AUTH_FAILED');
    expect(simToken(rolled.token.id)?.revoked).toBe(true);
    const dead = await appErrorOf(
      adapter.verify(ctx(rolled.secret, { tokenType: 'personal' }), rolled.secret),
    );
    expect(dead.code).toBe('AUTH_FAILED');
  });

  it('lists only unrevoked tokens, expired ones included, and an admin may name another user', async () => {
    const listed = await adapter.listTokens(ctx(root, { tokenType: 'personal', userId: '2' }));
    expect(listed.map((t) => [t.name, t.status]).sort()).toEqual([
      ['bob-cli', 'active'],
      ['bob-laptop', 'expired'],
    ]);
    // Root's own credential is not among Bob's tokens.
    expect(listed.some((t) => adapter.isTokenOf(t, root))).toBe(false);
  });

  it("refuses a non-admin naming another user's tokens, and a non-admin creating personal tokens", async () => {
    const listing = await appErrorOf(
      adapter.listTokens(ctx(bob, { tokenType: 'personal', userId: '1' })),
    );
    expect(listing.message).toContain('Only an administrator');

    const creating = await appErrorOf(
      adapter.createToken(ctx(bob, { tokenType: 'personal' }), {
        name: 'x',
        expiry: { kind: 'days', days: 7 },
      }),
    );
    expect(creating.code).toBe('FORBIDDEN');
    expect(sim.tokens().filter((t) => t.name === 'x')).toEqual([]);
  });

  it("creates a personal token for another user as an administrator, with the account's scopes", async () => {
    const created = await adapter.createToken(
      ctx(root, { tokenType: 'personal', userId: '2', scopes: 'read_api,read_repository' }),
      { name: 'bob-ci', description: 'CI', expiry: { kind: 'days', days: 90 } },
    );
    expect(simToken(created.token.id)).toMatchObject({
      userId: 2,
      scopes: ['read_api', 'read_repository'],
      description: 'CI',
      secret: created.secret,
    });
    expect(created.token.expiresAt?.slice(0, 10)).toBe(simToken(created.token.id)?.expiresAt);
  });
});
