import type { ReactNode } from 'react';
import type { RotationView } from '../../../shared/model';
import { asOfTime } from '../lib/relative-date';
import { instructionOf, proofOf } from '../lib/rotation-state';

interface RotationOutcomeProps {
  view: RotationView;
  serviceName: string;
}

function revokedWords(view: RotationView, serviceName: string): string {
  switch (view.method) {
    case 'overlap':
      return `was revoked at ${serviceName}`;
    case 'roll':
      return `was ended by ${serviceName}'s roll`;
    case 'guided':
      return `no longer works at ${serviceName} (checked)`;
  }
}

/**
 * Where the rotation stands, in one sentence and what to do next. "Rotated" is said only with
 * both proofs on record; anything else says what is true and what the user can do.
 */
export function RotationOutcome({ view, serviceName }: RotationOutcomeProps): ReactNode {
  const proof = proofOf(view);
  const instruction = instructionOf(view, serviceName);
  const error = view.error === null ? null : view.error.message;

  let tone: 'busy' | 'proven' | 'waiting' | 'neutral';
  let headline: string;
  switch (view.status) {
    case 'running':
      tone = 'busy';
      headline = `Rotating “${view.oldTokenName}”…`;
      break;
    case 'rolling-back':
      tone = 'busy';
      headline = `Undoing the rotation; “${view.oldTokenName}” stays the current token.`;
      break;
    case 'done':
      tone = proof === null ? 'neutral' : 'proven';
      headline =
        proof === null
          ? `The rotation ended, but its record lacks the proof that the new token works and the old one is gone. Verify “${view.newTokenName}” before relying on it.`
          : `Rotated. The new token “${view.newTokenName}” works (checked at ${asOfTime(proof.verifiedAt)}) and the old token “${view.oldTokenName}” ${revokedWords(view, serviceName)} at ${asOfTime(proof.revokedAt)}.`;
      break;
    case 'rolled-back':
      tone = 'neutral';
      headline = 'Rolled back: nothing changed.';
      break;
    case 'needs-user':
    case 'revoke-pending':
      tone = 'waiting';
      headline = 'Waiting for you';
      break;
  }

  return (
    <div
      data-testid="rotation-outcome"
      data-outcome={view.status === 'done' && proof !== null ? 'proven' : view.status}
      className={`rotation-outcome outcome-${tone}`}
    >
      <p className="outcome-headline">{headline}</p>
      {instruction === null ? null : <p data-testid="rotation-instruction">{instruction}</p>}
      {error === null || error === instruction ? null : (
        <p className="form-error" data-testid="rotation-error">
          {view.status === 'rolled-back' ? `Why: ${error}` : error}
        </p>
      )}
    </div>
  );
}
