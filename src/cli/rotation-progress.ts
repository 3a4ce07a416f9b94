import { rotationSteps, type RotationView } from '../shared/model';
import { isTerminal, printLine, type Terminal } from './output';

/**
 * A rotation's steps on stderr as they happen: one line rewritten in place on a terminal, one
 * line per change otherwise (a CI log keeps every step).
 */
export function rotationProgress(term: Terminal, title: string) {
  const seen = new Map<string, string>();
  const live = isTerminal(term.stderr);
  let lineOpen = false;
  return {
    update(view: RotationView): void {
      for (const { step, state } of view.steps) {
        if (seen.get(step) === state || state === 'pending') continue;
        seen.set(step, state);
        const position = `${rotationSteps.indexOf(step) + 1}/${rotationSteps.length}`;
        if (live) {
          term.stderr.write(`\r\u001b[2K${title}: ${step} ${state} (${position})`);
          lineOpen = true;
        } else {
          printLine(term.stderr, `${title}: ${step} ${state} (${position})`);
        }
      }
    },
    /** Ends the rewritten line before anything else is written. */
    pause(): void {
      if (lineOpen) term.stderr.write('\n');
      lineOpen = false;
    },
  };
}
