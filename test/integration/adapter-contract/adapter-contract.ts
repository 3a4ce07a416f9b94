import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../../../src/shared/errors';
import { createHttpClient } from '../../../src/main/core/http/http-client';
import type { HttpClient } from '../../../src/main/core/http/http-client.types';
import type {
  AccountContext,
  ManagedContext,
  ProviderAdapter,
} from '../../../src/main/core/providers/provider-adapter';
import type { FailureSpec } from '../../../sim/common/sim-types';
import type { AdapterHarness, HarnessInstance } from './adapter-harness';

const DAY_MS = 24 * 3600_000;

async function codeOf(promise: Promise<unknown>): Promise<ErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Faults every service can throw at us, and the stable code each must become. */
const faults: Array<[string, Omit<FailureSpec, 'route'>, ErrorCode]> = [
  ['401', { kind: 'status', status: 401 }, 'AUTH_FAILED'],
  ['403', { kind: 'status', status: 403 }, 'FORBIDDEN'],
  ['404', { kind: 'status', status: 404 }, 'NOT_FOUND'],
  ['409', { kind: 'status', status: 409 }, 'CONFLICT'],
  ['422', { kind: 'status', status: 422 }, 'REJECTED_BY_SERVICE'],
  [
    '429 that outlasts the retries',
    { kind: 'status', status: 429, retryAfter: '1' },
    'RATE_LIMITED',
  ],
  ['500', { kind: 'status', status: 500 }, 'SERVICE_ERROR'],
  ['an HTML error page', { kind: 'html', status: 502 }, 'SERVICE_ERROR'],
  ['malformed JSON', { kind: 'malformed' }, 'BAD_RESPONSE'],
  ['a connection reset', { kind: 'reset' }, 'UNREACHABLE'],
  ['no answer', { kind: 'timeout' }, 'TIMEOUT'],
];

/**
 * What every adapter must do against its own simulator, whatever the service: the same
 * questions, asked of each. Capabilities a service lacks are checked to be absent, not skipped.
 */
export function describeAdapterContract(harness: AdapterHarness): void {
  describe(`${harness.name} adapter contract`, () => {
    let instance: HarnessInstance;
    let http: HttpClient;
    const adapter: ProviderAdapter = harness.adapter;
    const caps = adapter.info.capabilities;

    beforeEach(async () => {
      instance = await harness.start();
      http = createHttpClient({
        requestTimeoutMs: 400,
        maxAttempts: 2,
        baseDelayMs: 1,
        random: () => 0,
        sleep: (ms) => {
          instance.sim.advanceClock(ms);
          return Promise.resolve();
        },
      });
    });
    afterEach(async () => {
      await http.close();
      await instance.sim.close();
    });

    const ctx = (): AccountContext => ({
      account: instance.account,
      credential: instance.credential,
      http,
    });
    const managed = (): ManagedContext => {
      if (instance.credential === null) throw new Error('this harness has no credential');
      return { account: instance.account, credential: instance.credential, http };
    };

    it('declares capabilities that match the operations it implements', () => {
      expect(adapter.createToken !== undefined).toBe(caps.create);
      expect(adapter.revokeToken !== undefined).toBe(caps.revoke);
      expect(adapter.renameToken !== undefined).toBe(caps.rename);
      expect(adapter.setTokenStatus !== undefined).toBe(caps.statusToggle);
      expect(adapter.rollToken !== undefined).toBe(adapter.info.mode === 'roll');
      expect(adapter.listTokens !== undefined).toBe(adapter.info.credentialNeed !== 'none');
      expect(caps.track).toBe(adapter.info.credentialNeed !== 'required');
      expect(caps.verify).toBe(true);
    });

    it('verifies a working token and shows only its prefix', async () => {
      const token = await instance.issueToken();
      await expect(adapter.verify(ctx(), token.secret, token.scope)).resolves.toBeUndefined();
      const { prefix } = adapter.describeSecret(token.secret);
      if (prefix !== null) {
        expect(token.secret.startsWith(prefix) || token.secret.includes(prefix)).toBe(true);
        expect(prefix.length).toBeLessThan(token.secret.length / 2);
      }
    });

    it('refuses a revoked token', async () => {
      const token = await instance.issueToken();
      await instance.revokeAtService(token);
      expect(await codeOf(adapter.verify(ctx(), token.secret, token.scope))).toBe('AUTH_FAILED');
    });

    it('refuses a made-up token', async () => {
      const token = await instance.issueToken();
      const forged = `${token.secret.slice(0, -6)}XXXXXX`;
      expect(await codeOf(adapter.verify(ctx(), forged, token.scope))).toBe('AUTH_FAILED');
    });

    it('refuses an expired token', async () => {
      if (!harness.expires) {
        expect(caps.expiryDays === null && !caps.neverExpires).toBe(false);
        return;
      }
      const token = await instance.issueToken({ expiresInDays: 7 });
      instance.sim.advanceClock(8 * DAY_MS);
      expect(await codeOf(adapter.verify(ctx(), token.secret, token.scope))).toBe('AUTH_FAILED');
    });

    it('refuses a token used outside its project or role', async () => {
      const token = await instance.issueToken();
      const wrong = instance.wrongScopes === undefined ? [] : instance.wrongScopes(token);
      // A service without roles or projects per token has nothing to refuse here.
      if (wrong.length === 0) expect(caps.roles).toEqual([]);
      for (const scope of wrong) {
        expect(await codeOf(adapter.verify(ctx(), token.secret, scope))).toBe('FORBIDDEN');
      }
    });

    it.each(faults)('maps %s on verify to its code', async (_what, fault, code) => {
      const token = await instance.issueToken();
      instance.sim.injectFailure({ route: harness.routes.verify, ...fault });
      expect(await codeOf(adapter.verify(ctx(), token.secret, token.scope))).toBe(code);
    });

    it('waits out one 429 with Retry-After and then succeeds', async () => {
      const token = await instance.issueToken();
      instance.sim.injectFailure({
        route: harness.routes.verify,
        kind: 'status',
        status: 429,
        retryAfter: '2',
        times: 1,
      });
      await expect(adapter.verify(ctx(), token.secret, token.scope)).resolves.toBeUndefined();
    });

    describe('with a token API', () => {
      it('lists tokens with the prefix the secret starts with', async () => {
        if (adapter.listTokens === undefined) {
          expect(adapter.info.credentialNeed).toBe('none');
          return;
        }
        const token = await instance.issueToken();
        const listed = await adapter.listTokens(managed());
        const found = listed.find((t) => t.id === token.id);
        expect(found).toBeDefined();
        expect(found && adapter.isTokenOf(found, token.secret)).toBe(true);
        expect(JSON.stringify(listed)).not.toContain(token.secret);
      });

      it('lists every token across pages', async () => {
        if (adapter.listTokens === undefined || instance.seedTokens === undefined) {
          expect(adapter.info.credentialNeed === 'none' || instance.seedTokens !== undefined).toBe(
            true,
          );
          return;
        }
        await instance.seedTokens(130);
        expect((await adapter.listTokens(managed())).length).toBeGreaterThanOrEqual(130);
      });

      it('creates a token whose secret works, and revokes it', async () => {
        if (adapter.createToken === undefined || adapter.revokeToken === undefined) {
          expect(caps.create && caps.revoke).toBe(false);
          return;
        }
        const created = await adapter.createToken(managed(), {
          name: 'contract-check',
          expiry: caps.neverExpires
            ? { kind: 'never' }
            : { kind: 'days', days: caps.expiryDays?.[0] ?? 30 },
        });
        await adapter.verify(ctx(), created.secret, {
          project: created.token.project,
          role: created.token.role,
        });
        await adapter.revokeToken(managed(), created.token.id);
        const scope = { project: created.token.project, role: created.token.role };
        expect(await codeOf(adapter.verify(ctx(), created.secret, scope))).toBe('AUTH_FAILED');
        // A repeated revoke (after a lost answer) must not fail.
        await expect(adapter.revokeToken(managed(), created.token.id)).resolves.toBeUndefined();
      });

      it.each(faults)('maps %s on list to its code', async (_what, fault, code) => {
        if (adapter.listTokens === undefined || harness.routes.list === undefined) {
          expect(adapter.listTokens === undefined).toBe(harness.routes.list === undefined);
          return;
        }
        instance.sim.injectFailure({ route: harness.routes.list, ...fault });
        expect(await codeOf(adapter.listTokens(managed()))).toBe(code);
      });
    });
  });
}
