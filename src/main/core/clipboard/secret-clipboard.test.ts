import { describe, expect, it } from 'vitest';
import { SecretClipboard, type ClipboardPort, type Timers } from './secret-clipboard';

class FakeClipboard implements ClipboardPort {
  text = '';
  failClear = false;
  writeSecret(text: string): Promise<void> {
    this.text = text;
    return Promise.resolve();
  }
  readText(): Promise<string> {
    return Promise.resolve(this.text);
  }
  clear(): Promise<void> {
    if (this.failClear) return Promise.reject(new Error('the clipboard is busy'));
    this.text = '';
    return Promise.resolve();
  }
}

class ManualTimers implements Timers {
  private queue: Array<{ at: number; callback: () => void; handle: number }> = [];
  private now = 0;
  private next = 0;
  setTimeout(callback: () => void, ms: number): unknown {
    const handle = ++this.next;
    this.queue.push({ at: this.now + ms, callback, handle });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((entry) => entry.handle !== handle);
  }
  /** Runs what is due, then lets the clipboard's promises settle. */
  async advance(ms: number): Promise<void> {
    this.now += ms;
    const due = this.queue.filter((entry) => entry.at <= this.now);
    this.queue = this.queue.filter((entry) => entry.at > this.now);
    for (const entry of due) entry.callback();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('SecretClipboard', () => {
  const setup = (seconds = 20) => {
    const clipboard = new FakeClipboard();
    const timers = new ManualTimers();
    const failures: unknown[] = [];
    const copier = new SecretClipboard(
      clipboard,
      () => seconds,
      timers,
      (error) => failures.push(error),
    );
    return { clipboard, timers, copier, failures };
  };

  it('clears the secret after the timeout', async () => {
    const { clipboard, timers, copier } = setup();
    expect(await copier.copy('s3cret-value')).toEqual({ clearsAfterSeconds: 20 });
    expect(clipboard.text).toBe('s3cret-value');
    await timers.advance(19_999);
    expect(clipboard.text).toBe('s3cret-value');
    await timers.advance(1);
    expect(clipboard.text).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const { clipboard, timers, copier } = setup();
    await copier.copy('s3cret-value');
    clipboard.text = 'the user copied this';
    await timers.advance(20_000);
    expect(clipboard.text).toBe('the user copied this');
  });

  it('restarts the timer for a second copy and clears on flush', async () => {
    const { clipboard, timers, copier } = setup();
    await copier.copy('first');
    await timers.advance(15_000);
    await copier.copy('second');
    await timers.advance(10_000);
    expect(clipboard.text).toBe('second');
    await copier.flush();
    expect(clipboard.text).toBe('');
  });

  it('never clears when auto-clear is off', async () => {
    const { clipboard, timers, copier } = setup(0);
    await copier.copy('kept');
    await timers.advance(3_600_000);
    expect(clipboard.text).toBe('kept');
  });

  it('reports a clear that fails on its timer instead of losing it', async () => {
    const { clipboard, timers, copier, failures } = setup();
    await copier.copy('s3cret-value');
    clipboard.failClear = true;
    await timers.advance(20_000);
    expect(failures).toHaveLength(1);
    expect(String(failures[0])).not.toContain('s3cret-value');
  });
});
