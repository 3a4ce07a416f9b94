import { describe, expect, it } from 'vitest';
import { rotationView } from '../test/fixtures';
import { provenRotation, stepsWith } from '../test/rotation-fixtures';
import { instructionOf, offersCancel, offersRetry, proofOf, statusText } from './rotation-state';

describe('proofOf', () => {
  it('holds when the rotation is done with verify and revoke on record', () => {
    expect(proofOf(provenRotation())).toEqual({
      verifiedAt: '2025-01-01T10:00:00.000Z',
      revokedAt: '2025-01-01T10:00:00.000Z',
    });
    expect(statusText(provenRotation())).toBe('Rotated and proven');
  });

  it('is missing when either proof is missing, or before done', () => {
    const noRevoke = provenRotation({
      steps: stepsWith({ intent: 'done', create: 'done', store: 'done', verify: 'done' }),
    });
    const noVerify = provenRotation({
      steps: stepsWith({ intent: 'done', create: 'done', verify: 'skipped', revoke: 'done' }),
    });
    const revokePending = provenRotation({ status: 'revoke-pending' });
    expect(proofOf(noRevoke)).toBeNull();
    expect(proofOf(noVerify)).toBeNull();
    expect(proofOf(revokePending)).toBeNull();
    expect(statusText(noRevoke)).toBe('Finished');
  });
});

describe('what is offered once a run stopped', () => {
  // The last event of a run is sent from inside it: canRetry/canCancel/instruction say "not now".
  const stopped = (overrides: Parameters<typeof rotationView>[0]) =>
    rotationView({ canRetry: false, canCancel: false, instruction: null, ...overrides });

  it('offers retry where the state table allows one', () => {
    expect(offersRetry(stopped({ status: 'revoke-pending', phase: 'revoke-pending' }))).toBe(true);
    expect(offersRetry(stopped({ phase: 'stopped-forward-only' }))).toBe(true);
    expect(offersRetry(stopped({ phase: 'stopped-undoable' }))).toBe(true);
    expect(offersRetry(stopped({ phase: 'undo-stopped' }))).toBe(true);
    expect(offersRetry(stopped({ phase: 'awaiting-secret' }))).toBe(false);
    expect(offersRetry(stopped({ phase: 'working' }))).toBe(false);
    expect(offersRetry(stopped({ phase: 'done' }))).toBe(false);
  });

  it('offers cancel only while there is a way back', () => {
    expect(offersCancel(stopped({ phase: 'stopped-undoable' }))).toBe(true);
    expect(offersCancel(stopped({ phase: 'awaiting-secret', method: 'guided' }))).toBe(true);
    // After a roll (or promote) the old token is gone or going: forward only.
    expect(offersCancel(stopped({ phase: 'stopped-forward-only', method: 'roll' }))).toBe(false);
    expect(offersCancel(stopped({ phase: 'awaiting-revoke', method: 'guided' }))).toBe(false);
    expect(offersCancel(stopped({ phase: 'revoke-pending' }))).toBe(false);
    expect(offersCancel(stopped({ phase: 'undo-stopped' }))).toBe(false);
  });

  it("prefers main's instruction and otherwise says what the state asks for", () => {
    expect(
      instructionOf(stopped({ status: 'revoke-pending', instruction: 'From main.' }), 'Kestra'),
    ).toBe('From main.');
    expect(instructionOf(stopped({ status: 'revoke-pending' }), 'Kestra')).toContain(
      '“ci-deploy” is still active at Kestra: retry to revoke it',
    );
    expect(
      instructionOf(
        stopped({ status: 'needs-user', waitingFor: 'revoke', method: 'guided' }),
        'Podstack',
      ),
    ).toContain("Revoke the old token “ci-deploy” in Podstack's dashboard");
    expect(
      instructionOf(
        stopped({
          status: 'needs-user',
          waitingFor: 'action',
          error: { code: 'SERVICE_ERROR', message: '1 of 2 publish targets failed.' },
        }),
        'Kestra',
      ),
    ).toBe('1 of 2 publish targets failed.');
    expect(instructionOf(stopped({ status: 'running' }), 'Kestra')).toBeNull();
  });
});
