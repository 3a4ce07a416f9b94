import { describe, expect, it } from 'vitest';
import { SecretClipboard, type ClipboardPort, type Timers } from './secret-clipboard';

class FakeClipboard implements ClipboardPort {
  text = '';
  writeSecret(text: string): void {
    this.text = text;
  }
  readText(): string {
    return this.text;
  }
  clear(): void {
    this.text = '';
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
  advance(ms: number): void {
    this.now += ms;
    const due = this.queue.filter((entry) => entry.at <= this.now);
    this.queue = this.queue.filter((entry) => entry.at > this.now);
    for (const entry of due) entry.callback();
  }
}

describe('SecretClipboard', () => {
  const setup = (seconds = 20) => {
    const clipboard = new FakeClipboard();
    const timers = new ManualTimers();
    return { clipboard, timers, copier: new SecretClipboard(clipboard, () => seconds, timers) };
  };

  it('clears the secret after the timeout', () => {
    const { clipboard, timers, copier } = setup();
    expect(copier.copy('s3cret-value')).toEqual({ clearsAfterSeconds: 20 });
    expect(clipboard.text).toBe('s3cret-value');
    timers.advance(19_999);
    expect(clipboard.text).toBe('s3cret-value');
    timers.advance(1);
    expect(clipboard.text).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', () => {
    const { clipboard, timers, copier } = setup();
    copier.copy('s3cret-value');
    clipboard.text = 'the user copied this';
    timers.advance(20_000);
    expect(clipboard.text).toBe('the user copied this');
  });

  it('restarts the timer for a second copy and clears on flush', () => {
    const { clipboard, timers, copier } = setup();
    copier.copy('first');
    timers.advance(15_000);
    copier.copy('second');
    timers.advance(10_000);
    expect(clipboard.text).toBe('second');
    copier.flush();
    expect(clipboard.text).toBe('');
  });

  it('never clears when auto-clear is off', () => {
    const { clipboard, timers, copier } = setup(0);
    copier.copy('kept');
    timers.advance(3_600_000);
    expect(clipboard.text).toBe('kept');
  });
});
