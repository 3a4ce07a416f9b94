import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CleanupTimeoutError, waitForCleanupOnQuit, type QuitCleanup } from './quit';
import { fakeEvent, flushPromises } from './test-support/electron-fakes';

class FakeApp extends EventEmitter {
  readonly quit = vi.fn(() => {
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.exited = true;
  });
  exited = false;
}

let app: FakeApp;
let onProblem: ReturnType<typeof vi.fn<(error: unknown) => void>>;

function install(run: QuitCleanup['run'], timeoutMs = 5_000): void {
  waitForCleanupOnQuit(app as unknown as Parameters<typeof waitForCleanupOnQuit>[0], {
    run,
    timeoutMs,
    onProblem,
  });
}

beforeEach(() => {
  app = new FakeApp();
  onProblem = vi.fn<(error: unknown) => void>();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('quitting', () => {
  it('waits for the cleanup, then quits for real', async () => {
    let finish: () => void = () => undefined;
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    install(run);

    app.quit();
    await flushPromises();
    expect(run).toHaveBeenCalledOnce();
    expect(app.exited).toBe(false);

    finish();
    await flushPromises();
    expect(app.exited).toBe(true);
    expect(onProblem).not.toHaveBeenCalled();
  });

  it('runs the cleanup once, however often quit is asked for meanwhile', async () => {
    let finish: () => void = () => undefined;
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    install(run);

    app.quit();
    app.quit();
    await flushPromises();
    app.quit();
    finish();
    await flushPromises();

    expect(run).toHaveBeenCalledOnce();
    expect(app.exited).toBe(true);
  });

  it('quits anyway when the cleanup fails, and reports it', async () => {
    install(() => Promise.reject(new Error('disk gone')));

    app.quit();
    await flushPromises();

    expect(app.exited).toBe(true);
    expect(onProblem).toHaveBeenCalledExactlyOnceWith(new Error('disk gone'));
  });

  it('quits when a hung cleanup passes its bound', async () => {
    vi.useFakeTimers();
    install(() => new Promise<void>(() => undefined), 3_000);

    app.quit();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(app.exited).toBe(false);

    await vi.advanceTimersByTimeAsync(1);
    expect(app.exited).toBe(true);
    expect(onProblem.mock.calls[0]?.[0]).toBeInstanceOf(CleanupTimeoutError);
  });
});
