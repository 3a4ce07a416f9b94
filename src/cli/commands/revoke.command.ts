import { Command } from 'commander';
import { withSession, type CommandContext } from '../command-context';
import { confirmAction } from '../confirm';
import { fullName, namedTokens, resolveToken } from '../naming';
import { printLine } from '../output';
import { addWaitOption, writerMode } from '../writer-options';

interface RevokeOptions {
  yes?: boolean;
  wait: string;
}

export function revokeCommand(context: CommandContext): Command {
  const command = new Command('revoke')
    .description('revoke a token at its service and drop its secret from the keychain')
    .argument('<token>', 'account/name, a prefix, or an id (as `tokendesk list` shows)')
    .option('-y, --yes', 'do not ask first (needed when stdin is not a terminal)')
    .addHelpText(
      'after',
      '\nAnything still using the token stops working at once. Tokens of guided services are\n' +
        "revoked in the service's dashboard; TokenDesk's own management credential is rotated,\n" +
        'never revoked.',
    );
  addWaitOption(command);
  return command.action(async (name: string, options: RevokeOptions) => {
    await withSession(context, writerMode('revoke', options), async ({ core }) => {
      const named = resolveToken(
        name,
        namedTokens(await core.accounts.list(), await core.inventory.snapshot()),
      );
      await confirmAction(
        context.term,
        options,
        `Revoke ${fullName(named)}? Whatever uses it stops working.`,
      );
      await core.tokens.revoke(named.account.id, named.token.id);
      printLine(context.term.stderr, `Revoked ${fullName(named)}.`);
    });
  });
}
