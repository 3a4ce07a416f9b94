import { describe, expect, it } from 'vitest';
import type { RotationView } from '../shared/model';
import { rotationProgress } from './rotation-progress';
import { testTerminal } from './test-support/test-terminal';

const view = (states: Partial<Record<RotationView['steps'][number]['step'], string>>) =>
  ({
    steps: (['intent', 'create', 'store', 'verify', 'publish', 'promote', 'revoke'] as const).map(
      (step) => ({ step, state: states[step] ?? 'pending', startedAt: null, endedAt: null }),
    ),
  }) as RotationView;

describe('rotation progress on stderr', () => {
  it('writes one plain line per step change where stderr is not a terminal', () => {
    const term = testTerminal();
    const progress = rotationProgress(term, 'Rotating Lab/ci');
    progress.update(view({ intent: 'done', create: 'running' }));
    progress.update(view({ intent: 'done', create: 'running' }));
    progress.update(view({ intent: 'done', create: 'done', store: 'done', publish: 'skipped' }));
    expect(term.err().split('\n').filter(Boolean)).toEqual([
      'Rotating Lab/ci: intent done (1/7)',
      'Rotating Lab/ci: create running (2/7)',
      'Rotating Lab/ci: create done (2/7)',
      'Rotating Lab/ci: store done (3/7)',
      'Rotating Lab/ci: publish skipped (5/7)',
    ]);
  });

  it('rewrites one line in place on a terminal and ends it before anything else is said', () => {
    const term = testTerminal();
    Object.assign(term.stderr, { isTTY: true });
    const progress = rotationProgress(term, 'Rotating Lab/ci');
    progress.update(view({ intent: 'done' }));
    progress.update(view({ intent: 'done', create: 'running' }));
    progress.pause();
    expect(term.err()).toBe(
      '\r\u001b[2KRotating Lab/ci: intent done (1/7)' +
        '\r\u001b[2KRotating Lab/ci: create running (2/7)\n',
    );
  });
});
