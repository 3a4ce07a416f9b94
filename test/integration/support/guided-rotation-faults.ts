import { expect, it } from 'vitest';
import type { RotationView, TokenInfo } from '../../../src/shared/model';
import type { FailureSpec } from '../../../sim/common/sim-types';
import { filesContaining } from '../../../e2e/support/secret-scan';
import { keychainEntries, type RotationStack } from '../../crash/rotation-stack';
import { resultOf, rotateUntilSettled } from './rotation-session';

/** A guided service's simulator and its account in a rotation stack, as one test sees them. */
export interface GuidedService {
  stack: RotationStack;
  accountId: string;
  /** The user creates a token in the dashboard and tracks it in TokenDesk. */
  trackOld(): Promise<{ token: TokenInfo; secret: string }>;
  /** The user creates the replacement in the dashboard: the secret to paste. */
  createReplacement(): string;
  /** The user revokes a token in the dashboard. */
  revoke(secret: string): void;
  injectFailure(failure: FailureSpec): void;
  clearFailures(): void;
  /** Injected failures not used up yet. */
  failuresLeft(): number;
  /** The service's answers to the requests that presented `secret`, oldest first. */
  answersTo(secret: string): Array<{ accepted: boolean; status: number }>;
}

type Failure = Omit<FailureSpec, 'route'>;

/** Failures that outlast the client's retries, and the error each must be explained by. */
const LASTING: Array<[string, Failure, string]> = [
  ['500', { kind: 'status', status: 500 }, 'SERVICE_ERROR'],
  ['timeout', { kind: 'timeout' }, 'TIMEOUT'],
  ['connection reset', { kind: 'reset' }, 'UNREACHABLE'],
  [
    '429 that outlasts the retries',
    { kind: 'status', status: 429, retryAfter: '1' },
    'RATE_LIMITED',
  ],
];

/** Failures of one attempt: a check is a read, so the client may simply send it again. */
const PASSING: Array<[string, Failure]> = [
  ['429 once', { kind: 'status', status: 429, retryAfter: '1', times: 1 }],
  ['timeout once', { kind: 'timeout', times: 1 }],
  ['connection reset once', { kind: 'reset', times: 1 }],
];

function stateOf(view: RotationView, step: string): string | undefined {
  return view.steps.find((entry) => entry.step === step)?.state;
}

/**
 * Injected failures at each service call of a guided rotation: the check of the pasted secret
 * and the proof at confirm that the old token is dead. Declares its tests in the caller's
 * describe; `service` is read per test, after the caller's beforeEach.
 */
export function guidedRotationFaultTests(service: () => GuidedService): void {
  async function untilWaitingForRevoke() {
    const s = service();
    const old = await s.trackOld();
    const waiting = await rotateUntilSettled(s.stack, s.accountId, old.token.id);
    expect(waiting).toMatchObject({ status: 'needs-user', waitingFor: 'secret' });
    const pasted = s.createReplacement();
    return { old, pasted, rotationId: waiting.rotationId };
  }

  async function call(channel: string, args: object): Promise<RotationView> {
    return resultOf<RotationView>(await service().stack.call(channel, args));
  }

  async function keychainValues(): Promise<string[]> {
    return [...(await keychainEntries(service().stack.secrets)).values()].sort();
  }

  function expectExplained(view: RotationView, code: string, secrets: string[]): void {
    expect(view.error?.code).toBe(code);
    const message = view.error?.message ?? '';
    expect(message.length).toBeGreaterThan(20);
    for (const secret of secrets) expect(JSON.stringify(view)).not.toContain(secret);
  }

  async function expectDoneWithOnly(view: RotationView, old: string, pasted: string) {
    const s = service();
    expect(view.status).toBe('done');
    expect(s.answersTo(old).at(-1)).toMatchObject({ accepted: false, status: 401 });
    expect([...(await keychainEntries(s.stack.secrets)).entries()]).toEqual([
      [`${s.accountId}/${view.newTokenId}`, pasted],
    ]);
    for (const secret of [old, pasted]) {
      expect(await filesContaining(s.stack.dataDir, secret)).toEqual([]);
    }
  }

  it.each(LASTING)(
    'checking the pasted secret, %s → waits for a retry, keeping both secrets; the retry finishes',
    async (_name, failure, code) => {
      const { old, pasted, rotationId } = await untilWaitingForRevoke();
      service().injectFailure({ route: '*', ...failure });
      const failed = await call('rotation:provideSecret', { rotationId, secret: pasted });

      expect(failed).toMatchObject({ status: 'needs-user', waitingFor: 'retry', canRetry: true });
      expectExplained(failed, code, [old.secret, pasted]);
      // Unproven is not rejected: the pasted secret may be the user's only copy.
      expect(await keychainValues()).toEqual([old.secret, pasted].sort());
      expect(stateOf(failed, 'promote')).toBe('pending');

      service().clearFailures();
      const verified = await call('rotation:retry', { rotationId });
      expect(verified).toMatchObject({ status: 'needs-user', waitingFor: 'revoke', error: null });
      expect(service().answersTo(pasted).at(-1)).toMatchObject({ accepted: true, status: 200 });

      service().revoke(old.secret);
      await expectDoneWithOnly(
        await call('rotation:confirmRevoked', { rotationId }),
        old.secret,
        pasted,
      );
    },
  );

  it.each(LASTING)(
    'proving the old token dead at confirm, %s → not done, asks to confirm again; then done',
    async (_name, failure, code) => {
      const { old, pasted, rotationId } = await untilWaitingForRevoke();
      const waiting = await call('rotation:provideSecret', { rotationId, secret: pasted });
      expect(waiting).toMatchObject({ status: 'needs-user', waitingFor: 'revoke' });
      service().revoke(old.secret);
      service().injectFailure({ route: '*', ...failure });

      const failed = await call('rotation:confirmRevoked', { rotationId });
      // A failed check is no proof: the old secret stays until the service refuses it.
      expect(failed).toMatchObject({ status: 'needs-user', waitingFor: 'revoke' });
      expectExplained(failed, code, [old.secret, pasted]);
      expect(stateOf(failed, 'promote')).toBe('done');
      expect(await keychainValues()).toEqual([old.secret, pasted].sort());

      service().clearFailures();
      await expectDoneWithOnly(
        await call('rotation:confirmRevoked', { rotationId }),
        old.secret,
        pasted,
      );
    },
  );

  it.each(PASSING)(
    'checking the pasted secret, %s → sent again and proven without asking the user',
    async (_name, failure) => {
      const { old, pasted, rotationId } = await untilWaitingForRevoke();
      service().injectFailure({ route: '*', ...failure });
      expect(service().failuresLeft()).toBe(1);
      const view = await call('rotation:provideSecret', { rotationId, secret: pasted });

      // The one failed attempt was used up, and the check still ended in a proof.
      expect(service().failuresLeft()).toBe(0);
      expect(view).toMatchObject({ status: 'needs-user', waitingFor: 'revoke', error: null });
      expect(service().answersTo(pasted).at(-1)).toMatchObject({ accepted: true, status: 200 });
      expect(await keychainValues()).toEqual([old.secret, pasted].sort());
    },
  );

  it.each(PASSING)(
    'proving the old token dead at confirm, %s → sent again, and done on the refusal',
    async (_name, failure) => {
      const { old, pasted, rotationId } = await untilWaitingForRevoke();
      await call('rotation:provideSecret', { rotationId, secret: pasted });
      service().revoke(old.secret);
      service().injectFailure({ route: '*', ...failure });
      expect(service().failuresLeft()).toBe(1);

      const done = await call('rotation:confirmRevoked', { rotationId });
      expect(service().failuresLeft()).toBe(0);
      await expectDoneWithOnly(done, old.secret, pasted);
    },
  );
}
