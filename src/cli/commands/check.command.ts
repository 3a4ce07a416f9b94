import { Command, Option } from 'commander';
import type { AttentionFix, AttentionItem, Urgency } from '../../shared/attention-model';
import { withSession, type CommandContext } from '../command-context';
import { ExitStatus } from '../cli-errors';
import { exitCodes } from '../exit-codes';
import { renderJson } from '../format';
import { printLine } from '../output';
import { shellQuote } from '../shell-quote';

/**
 * The app's four urgencies in the two words a job configures. Urgent: expired, expires within a
 * day, or the service is switching it off. Warning: everything else the Needs attention view
 * shows in colour (expiring within 7 or 30 days, idle, never used, rotation or reminder due,
 * still used after a rotation). Low findings (no reminder set) are advice and never fail a job.
 */
const levels = {
  urgent: ['critical'],
  warning: ['critical', 'high', 'medium'],
} as const satisfies Record<string, readonly Urgency[]>;
type Level = keyof typeof levels;

const fixWords: Record<AttentionFix, (token: string) => string> = {
  rotate: (token) => `tokendesk rotate ${shellQuote(token)}`,
  revoke: (token) => `tokendesk revoke ${shellQuote(token)}`,
  'snooze-day': () => 'snooze it in the app',
  'snooze-week': () => 'snooze it in the app',
  'set-reminder': () => 'set a reminder in the app',
  'publish-again': (token) => `tokendesk publish ${shellQuote(token)}`,
};

interface CheckOptions {
  failOn?: Level;
  json?: boolean;
}

export function checkCommand(context: CommandContext): Command {
  return new Command('check')
    .description('the Needs attention evaluation: each finding with its reason and fix')
    .addOption(
      new Option(
        '--fail-on <level>',
        'exit 3 when any finding is at or above this level (urgent: expired, expires within a ' +
          'day, being switched off; warning: also expiring within 30 days, idle, never used, due)',
      ).choices(Object.keys(levels)),
    )
    .option('--json', 'print JSON ({ now, items, failed }) for machines')
    .addHelpText(
      'after',
      '\nReads the last known lists (run `tokendesk list --refresh` first for fresh ones);\n' +
        'works while the app runs. Snoozed findings are left out, as in the app.\n\n' +
        'Cron: 0 8 * * * tokendesk check --fail-on urgent || mail -s "TokenDesk" me@example.com',
    )
    .action(async (options: CheckOptions) => {
      const failing = await withSession(context, { write: false }, async ({ core }) => {
        const list = await core.attention.list();
        const failOn = options.failOn;
        const failed =
          failOn === undefined
            ? []
            : list.items.filter((item) =>
                (levels[failOn] as readonly Urgency[]).includes(item.urgency),
              );
        const { stdout } = context.term;
        if (options.json === true) {
          printLine(
            stdout,
            renderJson({ now: list.now, items: list.items, failed: failed.length > 0 }),
          );
        } else {
          for (const item of list.items) printLine(stdout, describe(item));
          if (list.items.length === 0) printLine(stdout, 'Nothing needs attention.');
          if (list.snoozedCount > 0) {
            printLine(context.term.stderr, `${list.snoozedCount} snoozed, not shown.`);
          }
        }
        return failed.length;
      });
      if (failing > 0) throw new ExitStatus(exitCodes.findings);
    });
}

function describe(item: AttentionItem): string {
  const level = levelOf(item.urgency);
  const token = `${item.accountLabel}/${item.tokenName}`;
  const head = `${level.padEnd(7)} ${token}`;
  const reasons = item.reasons.map((reason) => `        ${reason.message}`);
  const fixes = item.fixes.map((fix) => fixWords[fix](token));
  const fix = fixes.length === 0 ? [] : [`        fix: ${[...new Set(fixes)].join(', or ')}`];
  return [head, ...reasons, ...fix].join('\n');
}

function levelOf(urgency: Urgency): string {
  if ((levels.urgent as readonly Urgency[]).includes(urgency)) return 'URGENT';
  if ((levels.warning as readonly Urgency[]).includes(urgency)) return 'WARNING';
  return 'INFO';
}
