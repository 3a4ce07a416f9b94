import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';

const run = promisify(execFile);

/** Every file under `dir` whose bytes contain `needle` (state, backups, logs, anything). */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(needle)) hits.push(path);
  }
  return hits;
}

/** A secret as it may be written: plain, JSON-escaped or URL-encoded. */
export function encodingsOf(secret: string): string[] {
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])];
}

/** Every file under `dir` holding any of the secrets, in any of its encodings. */
export async function leaksInDir(dir: string, secrets: readonly string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const secret of secrets) {
    for (const needle of encodingsOf(secret)) hits.push(...(await filesContaining(dir, needle)));
  }
  return [...new Set(hits)];
}

/** What the system keychain holds for TokenDesk under `account`, read with secret-tool. */
export async function keychainLookup(account: string): Promise<string | null> {
  try {
    const { stdout } = await run('secret-tool', [
      'lookup',
      'service',
      'TokenDesk',
      'account',
      account,
    ]);
    return stdout;
  } catch {
    return null;
  }
}

/** What the renderer received over the wire: API replies (by channel) and server-sent events. */
export interface RecordedPayload {
  channel: string;
  text: string;
}

export interface PayloadRecorder {
  /** Everything recorded, once the bodies still being read are in. */
  settled(): Promise<RecordedPayload[]>;
}

/**
 * Records every API reply and server-sent event the page receives from now on; the events
 * through the Chrome DevTools Protocol, which the browser target's Chromium speaks.
 */
export async function recordPayloads(page: Page): Promise<PayloadRecorder> {
  const recorded: RecordedPayload[] = [];
  const pending: Array<Promise<void>> = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith('/api/')) return;
    pending.push(
      response.text().then(
        (text) => void recorded.push({ channel: path.slice('/api/'.length), text }),
        () => undefined,
      ),
    );
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.eventSourceMessageReceived', ({ eventName, data }) => {
    recorded.push({ channel: `event ${eventName}`, text: data });
  });
  return {
    settled: async () => {
      await Promise.all(pending);
      return recorded;
    },
  };
}

/** The one reply allowed to carry a secret: the reveal right after creation or rotation. */
const REVEAL_CHANNELS = new Set(['tokens:create', 'rotation:reveal']);

/**
 * Leaks of `secrets` in the data dir and the recorded payloads: every hit, except one reveal
 * per secret on a reveal channel.
 */
export async function leakReport(
  dataDir: string,
  secrets: readonly string[],
  recorded: readonly RecordedPayload[],
): Promise<string[]> {
  const leaks = (await leaksInDir(dataDir, secrets)).map((file) => `in ${file}`);
  for (const secret of secrets) {
    let reveals = 0;
    for (const { channel, text } of recorded) {
      if (!encodingsOf(secret).some((needle) => text.includes(needle))) continue;
      if (REVEAL_CHANNELS.has(channel) && reveals === 0) reveals += 1;
      else leaks.push(`in a ${channel} payload`);
    }
  }
  return leaks;
}

/** Adds this test's figures to the reliability summary's e2e line, when it is collecting. */
export async function recordE2eScan(figures: {
  secrets: number;
  payloads: number;
  leaks: number;
}): Promise<void> {
  const dir = process.env['TOKENDESK_RELIABILITY_DIR'];
  if (dir === undefined || dir === '') return;
  const file = join(dir, 'e2e-leak-scan.json');
  type Totals = { figures: Record<string, number>; violations: number };
  const previous = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as Totals,
    (): Totals => ({ figures: {}, violations: 0 }),
  );
  const add = (name: string, count: number) => (previous.figures[name] ?? 0) + count;
  await mkdir(dir, { recursive: true });
  await writeFile(
    file,
    JSON.stringify({
      guarantee: 'e2e leak scan: data dir, API replies and events of every e2e test',
      figures: {
        'tests scanned': add('tests scanned', 1),
        'secrets checked': add('secrets checked', figures.secrets),
        'payloads scanned': add('payloads scanned', figures.payloads),
        'leaks found': add('leaks found', figures.leaks),
      },
      violations: previous.violations + figures.leaks,
    }),
  );
}
