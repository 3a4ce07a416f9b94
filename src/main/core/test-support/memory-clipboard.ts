import type { ClipboardPort } from '../clipboard/secret-clipboard';

/** A system clipboard held in memory, for tests: what a copy put there, and every write. */
export class MemoryClipboard implements ClipboardPort {
  text = '';
  readonly written: string[] = [];
  writeSecret(text: string): Promise<void> {
    this.text = text;
    this.written.push(text);
    return Promise.resolve();
  }
  readText(): Promise<string> {
    return Promise.resolve(this.text);
  }
  clear(): Promise<void> {
    this.text = '';
    return Promise.resolve();
  }
}
