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

  it('offers retry for revoke-pending and for a stop that waits for a retry or an action', () => {
    expect(offersRetry(stopped({ status: 'revoke-pending' }))).toBe(true);
    expect(offersRetry(stopped({ status: 'needs-user', waitingFor: 'retry' }))).toBe(true);
    expect(offersRetry(stopped({ status: 'needs-user', waitingFor: 'action' }))).toBe(true);
    expect(offersRetry(stopped({ status: 'needs-user', waitingFor: 'secret' }))).toBe(false);
    expect(offersRetry(stopped({ status: 'running' }))).toBe(false);
    expect(offersRetry(stopped({ status: 'done' }))).toBe(false);
  });

  it('offers cancel only before the new token is made current', () => {
    const beforePromote = stepsWith({ intent: 'done', create: 'done', publish: 'failed' });
    const afterPromote = stepsWith({ intent: 'done', create: 'done', promote: 'failed' });
    expect(
      offersCancel(stopped({ status: 'needs-user', waitingFor: 'action', steps: beforePromote })),
    ).toBe(true);
    expect(
      offersCancel(stopped({ status: 'needs-user', waitingFor: 'retry', steps: afterPromote })),
    ).toBe(false);
    expect(
      offersCancel(stopped({ method: 'guided', status: 'needs-user', waitingFor: 'secret' })),
    ).toBe(true);
    expect(
      offersCancel(stopped({ method: 'guided', status: 'needs-user', waitingFor: 'revoke' })),
    ).toBe(false);
    expect(
      offersCancel(stopped({ method: 'roll', status: 'needs-user', waitingFor: 'retry' })),
    ).toBe(false);
    expect(offersCancel(stopped({ status: 'revoke-pending' }))).toBe(false);
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
