import { CommanderError } from 'commander';
import { AppError } from '../shared/errors';
import { DataDirBusyError } from '../main/core/storage/writer-lock';
import { Declined, ExitStatus, UsageError } from './cli-errors';
import type { CommandContext } from './command-context';
import { exitCodes } from './exit-codes';
import { printLine } from './output';
import { buildProgram } from './program';

/** Runs one command line and answers its exit status; every failure is reported on stderr. */
export async function runCli(argv: readonly string[], context: CommandContext): Promise<number> {
  const program = buildProgram(context);
  const { stderr } = context.term;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof Declined) printLine(stderr, error.note);
    if (error instanceof ExitStatus) return error.code;
    if (error instanceof CommanderError) {
      // Help and version "errors" are commander's way of ending early with success.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof UsageError) {
      printLine(stderr, error.message);
      return exitCodes.usage;
    }
    if (error instanceof AppError) {
      printLine(stderr, `${error.code}: ${error.message}`);
      return error instanceof DataDirBusyError ? exitCodes.busy : exitCodes.failed;
    }
    // An unexpected error's text could carry anything a library put in it: only its kind shows.
    printLine(stderr, 'INTERNAL: Something went wrong. See the log in the data folder (logs/).');
    return exitCodes.failed;
  }
}
