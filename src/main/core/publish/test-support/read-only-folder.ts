import { execFile } from 'node:child_process';
import { chmod, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function canCreateIn(folder: string): Promise<boolean> {
  const probe = join(folder, '.probe');
  try {
    await writeFile(probe, '', { flag: 'wx' });
    await rm(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes `folder` refuse new files; resolves with the undo. Permission bits do not bind root
 * (CI runs the tests as root in a container), so there the immutable attribute is set too. If
 * neither works, this throws rather than let a test pass without testing anything.
 */
export async function makeReadOnly(folder: string): Promise<() => Promise<void>> {
  await chmod(folder, 0o555);
  if (!(await canCreateIn(folder))) return () => chmod(folder, 0o755);
  await run('chattr', ['+i', folder]);
  const undo = async (): Promise<void> => {
    await run('chattr', ['-i', folder]);
    await chmod(folder, 0o755);
  };
  if (await canCreateIn(folder)) {
    await undo();
    throw new Error(`could not make ${folder} read-only on this machine`);
  }
  return undo;
}
