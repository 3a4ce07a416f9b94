import type { ReactNode } from 'react';
import type { RotationStepState, RotationView } from '../../../shared/model';
import { stepText } from '../lib/rotation-steps';

const stateWords: Record<RotationStepState, string> = {
  pending: 'To do',
  running: 'Running…',
  done: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
};

const marks: Record<RotationStepState, string> = {
  pending: '○',
  running: '◐',
  done: '✓',
  failed: '✕',
  skipped: '–',
};

/** Every step of the rotation with its state and, in words, what it does. */
export function RotationStepList({
  view,
  serviceName,
}: {
  view: RotationView;
  serviceName: string;
}): ReactNode {
  return (
    <ol className="rotation-steps" aria-label="Rotation steps">
      {view.steps.map((entry) => {
        const text = stepText(entry.step, view.method, serviceName);
        const word =
          entry.step === 'publish' && entry.state === 'skipped'
            ? 'Skipped: no targets'
            : stateWords[entry.state];
        return (
          <li
            key={entry.step}
            data-testid="rotation-step"
            data-step={entry.step}
            data-state={entry.state}
            className={`rotation-step step-${entry.state}`}
          >
            <span className="step-mark" aria-hidden="true">
              {marks[entry.state]}
            </span>
            <span className="step-label">{text.label}</span>
            <span className="step-state">{word}</span>
            <span className="step-explanation">{text.explanation}</span>
          </li>
        );
      })}
    </ol>
  );
}
