import { Declined, UsageError } from './cli-errors';
import { isTerminal, type Terminal } from './output';
import { Prompt } from './prompt';

/**
 * Asks before an action that cannot be undone. Where nobody can answer (stdin is a pipe or
 * /dev/null), only --yes goes ahead: a script must say so explicitly.
 */
export async function confirmAction(
  term: Terminal,
  options: { yes?: boolean },
  question: string,
): Promise<void> {
  if (options.yes === true) return;
  if (!isTerminal(term.stdin)) {
    throw new UsageError('stdin is not a terminal, so nobody can answer; add --yes.');
  }
  const prompt = new Prompt(term);
  try {
    if (!(await prompt.confirm(question))) throw new Declined('Nothing was changed.');
  } finally {
    prompt.close();
  }
}
