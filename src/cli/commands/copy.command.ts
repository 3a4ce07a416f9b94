import { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { withSession, type CommandContext } from '../command-context';
import { namedTokens, resolveToken } from '../naming';

export function copyCommand(context: CommandContext): Command {
  return new Command('copy')
    .description("copy a token's stored secret to the clipboard (needs the app's clipboard)")
    .argument('<token>', 'account/name, a prefix, or an id (as `tokendesk list` shows)')
    .addHelpText(
      'after',
      '\nTokenDesk clears a copied secret again after 20 seconds, and only if the clipboard still\n' +
        'holds it. A command that exits at once cannot do that, so it refuses (exit 1,\n' +
        'UNSUPPORTED) rather than leave the secret in the clipboard. Copy it in the app.',
    )
    .action(async (name: string) => {
      await withSession(context, { write: false }, async ({ core }) => {
        resolveToken(
          name,
          namedTokens(await core.accounts.list(), await core.inventory.snapshot()),
        );
        throw new AppError(
          'UNSUPPORTED',
          'The command line cannot copy a secret: TokenDesk clears a copied secret again after ' +
            'a while, and a command that has exited cannot. Copy it in the TokenDesk app; in a ' +
            'script, publish the secret where it is needed with `tokendesk publish`.',
        );
      });
    });
}
