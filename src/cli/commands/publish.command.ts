import { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { withSession, type CommandContext } from '../command-context';
import { ExitStatus } from '../cli-errors';
import { exitCodes } from '../exit-codes';
import { renderJson } from '../format';
import { fullName, namedTokens, resolveToken } from '../naming';
import { printLine } from '../output';
import { addWaitOption, writerMode } from '../writer-options';

interface PublishOptions {
  json?: boolean;
  wait: string;
}

export function publishCommand(context: CommandContext): Command {
  const command = new Command('publish')
    .description("write a token's current secret to its bound targets again (CI secrets, .env)")
    .argument('<token>', 'account/name, a prefix, or an id (as `tokendesk list` shows)')
    .option('--json', 'print each target with its outcome as JSON')
    .addHelpText(
      'after',
      '\nThe fix for drift: a CI secret someone changed by hand, or a target that was down during\n' +
        'a rotation. Each target is read back where it allows. Targets are bound in the app.',
    );
  addWaitOption(command);
  return command.action(async (name: string, options: PublishOptions) => {
    await withSession(context, writerMode('publish', options), async ({ core }) => {
      const named = resolveToken(
        name,
        namedTokens(await core.accounts.list(), await core.inventory.snapshot()),
      );
      const { account, token } = named;
      const bindings = await core.publishing.list(account.id, token.id);
      if (bindings.length === 0) {
        throw new AppError(
          'NOT_FOUND',
          `No publish targets are bound to ${fullName(named)}; bind them in the app first.`,
        );
      }
      const results = await core.publishing.run(account.id, token.id);
      const described = results.map((result) => ({
        ...result,
        target: bindings.find((binding) => binding.id === result.targetId)?.description ?? '',
      }));
      if (options.json === true) {
        printLine(context.term.stdout, renderJson(described));
      } else {
        for (const result of described) {
          const outcome = result.ok
            ? 'published'
            : `failed: ${result.error === null ? '' : `${result.error.code}: ${result.error.message}`}`;
          printLine(context.term.stdout, `${result.target}: ${outcome}`);
        }
      }
      if (described.some((result) => !result.ok)) throw new ExitStatus(exitCodes.failed);
    });
  });
}
