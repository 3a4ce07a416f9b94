import { Argument, Command } from 'commander';
import { completionScript, shells, type Shell } from '../completion';
import type { CommandContext } from '../command-context';

export function completionCommand(context: CommandContext, program: () => Command): Command {
  return new Command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell').choices(shells))
    .addHelpText(
      'after',
      '\nbash: source <(tokendesk completion bash)    (or add that line to ~/.bashrc)\n' +
        'zsh:  source <(tokendesk completion zsh)     (after compinit, in ~/.zshrc)\n' +
        'fish: tokendesk completion fish > ~/.config/fish/completions/tokendesk.fish',
    )
    .action((shell: Shell) => {
      context.term.stdout.write(completionScript(program(), shell));
    });
}
