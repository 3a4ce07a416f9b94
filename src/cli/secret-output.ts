import type { Command } from 'commander';
import { UsageError } from './cli-errors';
import { isTerminal, printLine, type Terminal } from './output';

export interface SecretOptions {
  showSecret?: boolean;
  force?: boolean;
}

export function addSecretOptions(command: Command): Command {
  return command
    .option('--show-secret', 'print the new secret on stdout (only to a terminal, unless --force)')
    .option('--force', 'with --show-secret: print it even when stdout is a pipe or a file');
}

/**
 * Secrets reach stdout only when asked for, and only where a person sees them: a pipe or a file
 * could be a CI log or a shared disk, so that needs --force as well. Checked before the command
 * changes anything, so a refused --show-secret never leaves a new token behind unseen.
 */
export function checkSecretOutput(term: Terminal, options: SecretOptions): void {
  if (options.showSecret !== true || options.force === true || isTerminal(term.stdout)) return;
  throw new UsageError(
    '--show-secret prints a secret only to a terminal, and stdout is a pipe or a file here. ' +
      'Add --force if that is really where it should go; otherwise copy it in the app.',
  );
}

export function printSecret(term: Terminal, options: SecretOptions, secret: string): void {
  if (options.showSecret === true) printLine(term.stdout, secret);
}
