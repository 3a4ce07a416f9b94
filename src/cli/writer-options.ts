import type { Command } from 'commander';
import { parseSeconds } from './durations';
import type { SessionMode } from './cli-session';

/** Writers wait this long by default for the app or another command to finish. */
const DEFAULT_WAIT = '10s';

/** `--wait`: how long a command that changes data waits for the data dir's writer lock. */
export function addWaitOption(command: Command): Command {
  return command.option(
    '--wait <time>',
    'how long to wait while the app or another command is changing the data (e.g. 30s, 2m; 0 = do not wait)',
    DEFAULT_WAIT,
  );
}

export function writerMode(command: string, options: { wait: string }): SessionMode {
  return { write: true, command, waitMs: parseSeconds(options.wait, '--wait') * 1000 };
}
