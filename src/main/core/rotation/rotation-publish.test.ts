import { afterEach, describe, expect, it } from 'vitest';
import { RotationJournal } from './rotation-journal';
import {
  fakePublisher,
  filesWith,
  freezeAt,
  restart,
  rotateAndSettle,
  rotationWorld,
  type FakeTargetBehaviour,
  type RotationWorld,
} from './rotation-test-kit';

const OLD = 'old-secret-in-ci';
const GITHUB = 'octo/app · GITLAB_TOKEN';
const GITLAB = 'group/project · CI variable DEPLOY_TOKEN';

/** A world whose token is published to two targets that hold its secret now. */
async function twoTargets(
  second: FakeTargetBehaviour[],
  first: FakeTargetBehaviour[] = [],
  options: Parameters<typeof rotationWorld>[0] = {},
) {
  let tokenId = '';
  const fake = fakePublisher(
    () => tokenId,
    [
      { label: GITHUB, holds: OLD, next: first },
      { label: GITLAB, holds: OLD, next: second },
    ],
  );
  const w = await rotationWorld({ ...options, publisher: fake.publisher });
  tokenId = w.tokenId;
  for (const target of fake.targets) target.holds = w.tokenSecret;
  return { w, targets: fake.targets, publisher: fake.publisher };
}

async function journalOf(w: RotationWorld, rotationId: string) {
  return new RotationJournal(w.t.dataDir).get(rotationId);
}

describe('publish during an overlap rotation', () => {
  let w: RotationWorld;
  afterEach(() => w.t.cleanup());

  it('writes every target, journals each write, and revokes the old token only afterwards', async () => {
    const world = await twoTargets([]);
    w = world.w;
    const view = await rotateAndSettle(w);

    expect(view.status).toBe('done');
    const fresh = w.t.provider.secretOf(view.newTokenId ?? '');
    expect(world.targets.map((t) => t.holds)).toEqual([fresh, fresh]);
    expect(view.publishResults).toEqual([
      expect.objectContaining({ target: GITHUB, state: 'written-new', holds: 'new', ok: true }),
      expect.objectContaining({ target: GITLAB, state: 'written-new', holds: 'new', ok: true }),
    ]);
  });

  it('names the failing target as the user knows it; retry writes only that one', async () => {
    const world = await twoTargets(['refuse']);
    w = world.w;
    const view = await rotateAndSettle(w);

    expect(view).toMatchObject({
      status: 'needs-user',
      phase: 'stopped-undoable',
      canCancel: true,
      canRetry: true,
    });
    expect(view.instruction).toContain(`“${GITLAB}” did not take the new secret`);
    expect(view.instruction).toContain(`“${GITHUB}” holds the new secret already`);
    expect(view.instruction).toContain('Both tokens still work');
    expect(view.instruction).not.toContain('pub-');
    expect(w.t.provider.revoked).toEqual([]);
    const fresh = w.t.provider.secretOf(view.newTokenId ?? '');
    expect(world.targets.map((t) => t.holds)).toEqual([fresh, w.tokenSecret]);

    const retried = await w.t.core.rotation.retry(view.rotationId);
    expect(retried.status).toBe('done');
    expect(world.targets.map((t) => t.holds)).toEqual([fresh, fresh]);
    expect(world.targets[0]?.writes).toHaveLength(1);
    expect(world.targets[1]?.writes).toHaveLength(2);
  });

  it('cancel puts the old secret back on the targets that took the new one, read back', async () => {
    const world = await twoTargets(['refuse']);
    w = world.w;
    const view = await rotateAndSettle(w);

    const cancelled = await w.t.core.rotation.cancel(view.rotationId);
    expect(cancelled.status).toBe('rolled-back');
    expect(world.targets.map((t) => t.holds)).toEqual([w.tokenSecret, w.tokenSecret]);
    // The refusing target never changed, so it is not written again.
    expect(world.targets[1]?.writes).toHaveLength(1);
    expect(cancelled.publishResults.map((r) => [r.target, r.state, r.holds])).toEqual([
      [GITHUB, 'restored-old', 'old'],
      [GITLAB, 'refused', 'old'],
    ]);
    expect(cancelled.instruction).toContain(`The old secret is back on “${GITHUB}”`);
    expect(w.t.provider.revoked).toEqual([view.newTokenId]);
  });

  it('a write that landed but did not read back counts as holding the new secret: the undo restores it', async () => {
    const world = await twoTargets(['refuse'], ['fail-after-write']);
    w = world.w;
    const view = await rotateAndSettle(w);

    // No target proved the new secret, so the rotation undoes itself, restoring the uncertain one.
    expect(view.status).toBe('rolled-back');
    expect(world.targets.map((t) => t.holds)).toEqual([w.tokenSecret, w.tokenSecret]);
    const [written, restored] = world.targets[0]?.writes ?? [];
    expect(written).not.toBe(w.tokenSecret);
    expect(restored).toBe(w.tokenSecret);
    // The target's error quoted the secret it failed to read back; no journal or view does.
    expect(JSON.stringify(view)).not.toContain(written);
    expect(await filesWith(w.t.dataDir, written ?? '')).toEqual([]);
  });

  it('an undo whose restore fails keeps the new token and continues on retry', async () => {
    const world = await twoTargets(['refuse'], ['ok', 'refuse']);
    w = world.w;
    const view = await rotateAndSettle(w);
    const stuck = await w.t.core.rotation.cancel(view.rotationId);

    expect(stuck).toMatchObject({ phase: 'undo-stopped', canRetry: true, canCancel: false });
    expect(stuck.error?.message).toContain(`The old secret could not be put back on “${GITHUB}”`);
    expect(w.t.provider.revoked).toEqual([]);

    const undone = await w.t.core.rotation.retry(view.rotationId);
    expect(undone.status).toBe('rolled-back');
    expect(world.targets[0]?.holds).toBe(w.tokenSecret);
    expect(w.t.provider.revoked).toEqual([view.newTokenId]);
  });

  it('after a crash inside a target write, that target counts as holding the new secret and gets the old one back', async () => {
    const frozen = freezeAt('publish:target-journaled', 1);
    const world = await twoTargets([], [], { checkpoint: frozen.checkpoint });
    w = world.w;
    const { rotationId } = await w.t.core.rotation.start(w.accountId, w.tokenId);
    await frozen.reached;
    // Killed after the first write was journaled; the second is journaled as started only.
    const journal = await journalOf(w, rotationId);
    journal.publishTargets[1] = { ...journal.publishTargets[1]!, state: 'writing' };
    await new RotationJournal(w.t.dataDir).write(journal);
    world.targets[1]!.holds = 'the-new-secret-maybe';

    await restart(w, { publisher: world.publisher });
    await w.t.core.rotation.recover();
    const view = await w.t.core.rotation.whenSettled(rotationId);

    expect(view.status).toBe('rolled-back');
    expect(world.targets.map((t) => t.holds)).toEqual([w.tokenSecret, w.tokenSecret]);

    // The user is told, once, per token, and the notice outlives a restart until read.
    const told = {
      kind: 'rotation-recovered',
      rotationId,
      tokenName: 'ci-deploy',
      outcome: 'undone',
      targets: [
        { target: GITHUB, holds: 'old' },
        { target: GITLAB, holds: 'old' },
      ],
    };
    const notices = await w.t.core.notices.list();
    expect(notices).toEqual([expect.objectContaining(told)]);
    await restart(w, { publisher: world.publisher });
    await w.t.core.rotation.recover();
    expect(await w.t.core.notices.list()).toEqual(notices);
    await w.t.core.notices.dismiss(notices[0]?.id ?? '');
    await restart(w, { publisher: world.publisher });
    expect(await w.t.core.notices.list()).toEqual([]);
  });
});

describe('publish after a roll: no way back', () => {
  it('says so, offers no cancel, refuses one, and retry completes the failing target', async () => {
    const world = await twoTargets(['refuse'], [], { mode: 'roll' });
    const w = world.w;
    try {
      const view = await rotateAndSettle(w);

      expect(view).toMatchObject({
        phase: 'stopped-forward-only',
        canCancel: false,
        canRetry: true,
      });
      expect(view.instruction).toContain(`“${GITLAB}” did not take the new secret`);
      expect(view.instruction).toContain('The roll already ended the old token');
      expect(view.instruction).not.toContain('Both tokens still work');
      expect(view.instruction).not.toContain('cancel');
      await expect(w.t.core.rotation.cancel(view.rotationId)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('no going back') as unknown,
      });

      const retried = await w.t.core.rotation.retry(view.rotationId);
      expect(retried.status).toBe('done');
      const fresh = w.t.provider.secretOf(view.newTokenId ?? '');
      expect(world.targets.map((t) => t.holds)).toEqual([fresh, fresh]);
    } finally {
      await w.t.cleanup();
    }
  });

  it('keeps a target’s error without the secret it quoted', async () => {
    const world = await twoTargets(['fail-after-write'], [], { mode: 'roll' });
    const w = world.w;
    try {
      const view = await rotateAndSettle(w);
      const fresh = w.t.provider.secretOf(view.newTokenId ?? '') ?? 'missing';
      expect(view.publishResults[1]).toMatchObject({ state: 'failed', holds: 'unknown' });
      expect(view.publishResults[1]?.error).toContain('[redacted]');
      expect(JSON.stringify(view)).not.toContain(fresh);
      expect(await filesWith(w.t.dataDir, fresh)).toEqual([]);
    } finally {
      await w.t.cleanup();
    }
  });
});
