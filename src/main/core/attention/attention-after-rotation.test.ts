import { afterEach, describe, expect, it } from 'vitest';
import { addGuidedAccount, createTestCore, type TestCore } from '../test-support/test-core';

/** Each reading moves a second on, so the rotation and the checks after it never share a time. */
function tickingClock(start: string): { now: () => Date } {
  let time = Date.parse(start);
  return {
    now: () => {
      time += 1000;
      return new Date(time);
    },
  };
}

describe('an old guided token after its rotation', () => {
  let t: TestCore;
  afterEach(async () => {
    await t.cleanup();
  });

  /** A tracked token rotated up to the point where the user must revoke it in the dashboard. */
  async function rotatedAndWaitingForRevoke() {
    t = await createTestCore({ guided: true, clock: tickingClock('2026-03-01T12:00:00.000Z') });
    const accountId = await addGuidedAccount(t);
    const old = t.provider.seed('ci-deploy');
    const tracked = await t.core.tracking.track({
      accountId,
      name: 'ci-deploy',
      secret: old.secret,
      project: 'p1',
      role: 'Owner',
    });
    const { rotationId } = await t.core.rotation.start(accountId, tracked.id);
    await t.core.rotation.whenSettled(rotationId);
    const pasted = t.provider.seed('ci-deploy').secret;
    const waiting = await t.core.rotation.provideSecret(rotationId, pasted);
    expect(waiting).toMatchObject({ status: 'needs-user', waitingFor: 'revoke' });
    return { accountId, rotationId, oldTokenId: tracked.id, oldSecret: old.secret };
  }

  const reasonsOf = async (tokenId: string): Promise<string[]> => {
    const { items } = await t.core.attention.list();
    const item = items.find((i) => i.tokenId === tokenId);
    return item === undefined ? [] : item.reasons.map((r) => r.kind);
  };

  it('is flagged once the revoke check finds it still working, and no longer once it is revoked', async () => {
    const { rotationId, oldTokenId, oldSecret } = await rotatedAndWaitingForRevoke();
    // Nothing observed yet: the service reports no use and nobody has checked since.
    expect(await reasonsOf(oldTokenId)).not.toContain('works-after-rotation');

    const early = await t.core.rotation.confirmRevoked(rotationId);
    expect(early.error?.message).toContain('still works');

    const { items } = await t.core.attention.list();
    const item = items.find((i) => i.tokenId === oldTokenId);
    expect(item?.reasons.map((r) => r.kind)).toContain('works-after-rotation');
    expect(item?.urgency).toBe('high');
    expect(JSON.stringify(items)).not.toContain(oldSecret);

    for (const [id, token] of t.provider.tokens) {
      if (token.secret === oldSecret) t.provider.tokens.delete(id);
    }
    expect((await t.core.rotation.confirmRevoked(rotationId)).status).toBe('done');
    expect(await reasonsOf(oldTokenId)).toEqual([]);
  });

  it("is flagged when the user's own Verify of the old token passes after the rotation", async () => {
    const { accountId, oldTokenId } = await rotatedAndWaitingForRevoke();

    expect((await t.core.tracking.verify(accountId, oldTokenId)).works).toBe(true);

    expect(await reasonsOf(oldTokenId)).toContain('works-after-rotation');
  });
});
