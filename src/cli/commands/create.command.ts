import { Command } from 'commander';
import type { Expiry } from '../../shared/model';
import { withSession, type CommandContext } from '../command-context';
import { parseDays } from '../durations';
import { day, renderJson } from '../format';
import { resolveAccount } from '../naming';
import { printLine } from '../output';
import {
  addSecretOptions,
  checkSecretOutput,
  printSecret,
  type SecretOptions,
} from '../secret-output';
import { addWaitOption, writerMode } from '../writer-options';

interface CreateOptions extends SecretOptions {
  name: string;
  expires: string;
  description?: string;
  extended?: boolean;
  json?: boolean;
  wait: string;
}

export function createCommand(context: CommandContext): Command {
  const command = new Command('create')
    .description('create a token in an account; its secret goes straight to the keychain')
    .argument('<account>', 'the account, by its name or id')
    .requiredOption('--name <name>', "the new token's name (the service's naming rule applies)")
    .requiredOption('--expires <days>', 'its lifetime, e.g. 30d, 90d, 1y, or never')
    .option('--description <text>', 'a description, where the service keeps one')
    .option('--extended', 'Kestra: each use pushes the expiry forward by the lifetime')
    .option(
      '--json',
      "print the new token's details (never its secret, unless --show-secret) as JSON",
    )
    .addHelpText(
      'after',
      '\nThe secret is stored in the keychain before anything else; it is printed only with\n' +
        '--show-secret. Publish it to CI with `tokendesk publish` once targets are bound in the app.',
    );
  addSecretOptions(command);
  addWaitOption(command);
  return command.action(async (accountName: string, options: CreateOptions) => {
    checkSecretOutput(context.term, options);
    const expiry: Expiry =
      options.expires.trim().toLowerCase() === 'never'
        ? { kind: 'never' }
        : { kind: 'days', days: parseDays(options.expires, '--expires') };
    await withSession(context, writerMode('create', options), async ({ core }) => {
      const account = resolveAccount(accountName, await core.accounts.list());
      const created = await core.tokens.create({
        accountId: account.id,
        name: options.name,
        expiry,
        ...(options.description === undefined ? {} : { description: options.description }),
        ...(options.extended === true ? { extended: true } : {}),
      });
      const { token } = created;
      if (options.json === true) {
        const secret = options.showSecret === true ? { secret: created.secret } : {};
        printLine(context.term.stdout, renderJson({ token, ...secret }));
        return;
      }
      printLine(
        context.term.stderr,
        `Created ${account.label}/${token.name} (id ${token.id}, prefix ${token.prefix ?? '-'}, ` +
          `expires ${token.expiresAt === null ? 'never' : day(token.expiresAt)}); ` +
          'its secret is in the keychain.',
      );
      printSecret(context.term, options, created.secret);
    });
  });
}
