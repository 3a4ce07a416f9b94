import type { CliSession, SessionMode } from './cli-session';
import type { Terminal } from './output';

/** What every command runs with; the entry point fills it from the process. */
export interface CommandContext {
  term: Terminal;
  open(mode: SessionMode): Promise<CliSession>;
}

/** Runs `work` in a session and closes it whatever happens. */
export async function withSession<T>(
  context: CommandContext,
  mode: SessionMode,
  work: (session: CliSession) => Promise<T>,
): Promise<T> {
  const session = await context.open(mode);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
