import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

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
