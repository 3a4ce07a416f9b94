import type { App } from 'electron';

export interface QuitCleanup {
  /** What must finish before the process ends: the clipboard clear, pending journal writes. */
  run: () => Promise<void>;
  /** A hung service or disk must not keep the app alive: past this, quitting goes on anyway. */
  timeoutMs: number;
  onProblem: (error: unknown) => void;
}

export class CleanupTimeoutError extends Error {
  override readonly name = 'CleanupTimeoutError';

  constructor(readonly timeoutMs: number) {
    super(`cleanup did not finish within ${timeoutMs} ms`);
  }
}

/**
 * Electron does not wait for promises on its way out: `will-quit` handlers that start async
 * work are cut off when the process exits. So the first `before-quit` is held back, the cleanup
 * runs (bounded), and only then is the quit asked for again, this time let through.
 */
export function waitForCleanupOnQuit(app: Pick<App, 'on' | 'quit'>, cleanup: QuitCleanup): void {
  let state: 'running' | 'cleaning' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'cleaning') return;
    state = 'cleaning';
    void withinTime(cleanup.run, cleanup.timeoutMs)
      .catch(cleanup.onProblem)
      .finally(() => {
        state = 'done';
        app.quit();
      });
  });
}

async function withinTime(work: () => Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new CleanupTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    // A cleanup that throws at once is a rejection like any other, not a crash of the handler.
    await Promise.race([Promise.resolve().then(work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
