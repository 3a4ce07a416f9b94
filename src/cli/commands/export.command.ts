import { Command, Option } from 'commander';
import { withSession, type CommandContext } from '../command-context';
import { renderCsv, renderJson } from '../format';
import { csvColumns, inventoryRows } from '../inventory-rows';
import { printLine } from '../output';

interface ExportOptions {
  format: 'json' | 'csv';
}

export function exportCommand(context: CommandContext): Command {
  return new Command('export')
    .description('the whole inventory (accounts and tokens) for backups, audits and spreadsheets')
    .addOption(
      new Option('--format <format>', 'json (accounts and tokens) or csv (one row per token)')
        .choices(['json', 'csv'])
        .default('json'),
    )
    .addHelpText(
      'after',
      '\nMetadata only: never a secret, a management credential or a session. The last known\n' +
        'lists, each with its "as of"; works while the app runs.',
    )
    .action(async (options: ExportOptions) => {
      await withSession(context, { write: false }, async ({ core }) => {
        const accounts = await core.accounts.list();
        const inventories = await core.inventory.snapshot();
        const now = new Date();
        const tokens = inventoryRows(accounts, inventories, now);
        if (options.format === 'csv') {
          context.term.stdout.write(renderCsv(tokens, csvColumns));
          return;
        }
        const described = accounts.map((account) => {
          const inventory = inventories.find((entry) => entry.accountId === account.id);
          return {
            id: account.id,
            label: account.label,
            service: account.provider,
            baseUrl: account.baseUrl,
            mode: account.mode,
            asOf: inventory === undefined ? null : inventory.asOf,
            state: inventory === undefined ? 'never' : inventory.state,
          };
        });
        printLine(
          context.term.stdout,
          renderJson({ exportedAt: now.toISOString(), accounts: described, tokens }),
        );
      });
    });
}
