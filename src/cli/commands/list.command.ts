import { Command, Option } from 'commander';
import {
  ProviderKindSchema,
  TokenStatusSchema,
  type AccountInventory,
  type ProviderKind,
  type TokenStatus,
} from '../../shared/model';
import { withSession, type CommandContext } from '../command-context';
import { parseDays } from '../durations';
import { renderCsv, renderJson, renderTable } from '../format';
import {
  csvColumns,
  filterRows,
  inventoryRows,
  tableColumns,
  type RowFilters,
} from '../inventory-rows';
import { resolveAccount } from '../naming';
import { formatFrom, printLine } from '../output';
import { addWaitOption, writerMode } from '../writer-options';

interface ListOptions {
  account?: string;
  service?: ProviderKind;
  project?: string;
  status?: TokenStatus;
  expiringWithin?: string;
  idleOver?: string;
  refresh?: boolean;
  json?: boolean;
  csv?: boolean;
  wait: string;
}

export function listCommand(context: CommandContext): Command {
  const command = new Command('list')
    .description('every token of every account: the last known lists, or fresh ones with --refresh')
    .option('--account <account>', 'only this account (its name or id)')
    .addOption(
      new Option('--service <service>', 'only this service').choices(ProviderKindSchema.options),
    )
    .option('--project <project>', 'only tokens of this project')
    .addOption(
      new Option('--status <status>', 'only tokens in this state').choices(
        TokenStatusSchema.options,
      ),
    )
    .option(
      '--expiring-within <days>',
      'only tokens that expire within this time (e.g. 14d), or did',
    )
    .option('--idle-over <days>', 'only tokens not used for longer than this (e.g. 30d)')
    .option('--refresh', 'ask the services for their current lists first (changes data)')
    .option('--json', 'print JSON (an array of tokens) for scripts')
    .option('--csv', 'print CSV for spreadsheets and scripts')
    .addHelpText(
      'after',
      '\nNever prints a secret. Without --refresh the lists are the last known ones; the time\n' +
        'each was fetched is the "as of" (stderr on a table; asOf in JSON and CSV).',
    );
  addWaitOption(command);
  return command.action(async (options: ListOptions) => {
    const filters: RowFilters = {
      ...(options.service === undefined ? {} : { service: options.service }),
      ...(options.project === undefined ? {} : { project: options.project }),
      ...(options.status === undefined ? {} : { status: options.status }),
      ...(options.expiringWithin === undefined
        ? {}
        : { expiringWithinDays: parseDays(options.expiringWithin, '--expiring-within') }),
      ...(options.idleOver === undefined
        ? {}
        : { idleOverDays: parseDays(options.idleOver, '--idle-over') }),
    };
    const mode = options.refresh === true ? writerMode('list', options) : { write: false as const };
    await withSession(context, mode, async ({ core }) => {
      const accounts = await core.accounts.list();
      if (options.account !== undefined) {
        filters.accountId = resolveAccount(options.account, accounts).id;
      }
      const inventories =
        options.refresh === true
          ? await core.inventory.refresh(filters.accountId)
          : await core.inventory.snapshot();
      const now = new Date();
      const rows = filterRows(inventoryRows(accounts, inventories, now), filters, now);
      const { stdout, stderr } = context.term;
      const format = formatFrom(options);
      if (format === 'json') printLine(stdout, renderJson(rows));
      if (format === 'csv') stdout.write(renderCsv(rows, csvColumns));
      if (format === 'table') {
        printLine(stdout, rows.length === 0 ? 'No tokens.' : renderTable(rows, tableColumns));
      }
      // A script reads asOf and stale from the rows; a failed refresh is still said on stderr.
      for (const line of freshness(accounts, inventories, format === 'table')) {
        printLine(stderr, line);
      }
    });
  });
}

/** Under a table: how old each account's list is, and which could not be refreshed. */
function freshness(
  accounts: readonly { id: string; label: string }[],
  inventories: readonly AccountInventory[],
  everyAccount: boolean,
): string[] {
  return accounts.flatMap((account) => {
    const inventory = inventories.find((entry) => entry.accountId === account.id);
    if (inventory === undefined || (!everyAccount && inventory.error === null)) return [];
    const asOf = inventory.asOf === null ? 'never fetched' : `as of ${inventory.asOf}`;
    const problem =
      inventory.error === null
        ? ''
        : ` (refresh failed: ${inventory.error.code}: ${inventory.error.message})`;
    return [`${account.label}: ${asOf}${problem}`];
  });
}
