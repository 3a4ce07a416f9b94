import {
  rotationSteps,
  type RotationStep,
  type RotationStepState,
  type RotationView,
} from '../../../shared/model';
import { rotationView } from './fixtures';

type Steps = RotationView['steps'];

/** Every step, in order: those named get that state (ended at `at` when finished). */
export function stepsWith(
  states: Partial<Record<RotationStep, RotationStepState>>,
  at = '2025-01-01T10:00:00.000Z',
): Steps {
  return rotationSteps.map((step) => {
    const state = states[step] ?? 'pending';
    const ended = state === 'done' || state === 'skipped' || state === 'failed';
    return {
      step,
      state,
      startedAt: state === 'pending' ? null : at,
      endedAt: ended ? at : null,
    };
  });
}

const allDone = {
  intent: 'done',
  create: 'done',
  store: 'done',
  verify: 'done',
  publish: 'skipped',
  promote: 'done',
  revoke: 'done',
} as const;

/** A rotation that finished with both proofs on record. */
export function provenRotation(overrides: Partial<RotationView> = {}): RotationView {
  return rotationView({
    status: 'done',
    phase: 'done',
    newTokenId: 'tok-2',
    newTokenName: 'ci-deploy-r1a2b3c4',
    steps: stepsWith(allDone),
    canCancel: false,
    finishedAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:01.000Z',
    ...overrides,
  });
}
