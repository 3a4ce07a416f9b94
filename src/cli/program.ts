import { Command } from 'commander';
import { version } from '../../package.json';
import type { CommandContext } from './command-context';
import { checkCommand } from './commands/check.command';
import { completionCommand } from './commands/completion.command';
import { copyCommand } from './commands/copy.command';
import { createCommand } from './commands/create.command';
import { exportCommand } from './commands/export.command';
import { listCommand } from './commands/list.command';
import { publishCommand } from './commands/publish.command';
import { revokeCommand } from './commands/revoke.command';
import { rotateCommand } from './commands/rotate.command';
import { exitCodesHelp } from './exit-codes';

const environmentHelp = `
Environment:
  TOKENDESK_DATA_DIR  the data folder (default: the app's, e.g. ~/.config/TokenDesk)
Secrets stay in the system keychain (service "TokenDesk"), shared with the app.`;

/** The `tokendesk` command: every subcommand, each with its own --help and the exit codes. */
export function buildProgram(context: CommandContext): Command {
  const output = {
    writeOut: (text: string) => context.term.stdout.write(text),
    writeErr: (text: string) => context.term.stderr.write(text),
  };
  const program = new Command('tokendesk')
    .description('TokenDesk on the command line: the same tokens, checks and rotations as the app')
    .version(version)
    .addHelpText('after', `${environmentHelp}\n${exitCodesHelp}`);
  const commands = [
    listCommand(context),
    checkCommand(context),
    rotateCommand(context),
    revokeCommand(context),
    createCommand(context),
    copyCommand(context),
    exportCommand(context),
    publishCommand(context),
    completionCommand(context, () => program),
  ];
  for (const command of commands) {
    command.addHelpText('after', exitCodesHelp);
    program.addCommand(command);
  }
  // Commands made apart and added are not given the program's settings: each gets them here.
  // Commander's own usage errors (unknown option, missing argument) then exit 2 like ours.
  for (const command of [program, ...commands]) {
    command.configureOutput(output).showHelpAfterError('(add --help for usage)').exitOverride();
  }
  return program;
}
