import { readFile } from 'node:fs/promises';

/**
 * A process as a lock records it. A pid alone is not enough: after a crash and a reboot (or a
 * long uptime) the pid of a dead holder can belong to an unrelated process. Where the system
 * says when a process started (Linux: /proc/<pid>/stat), that time tells the two apart.
 */
export interface ProcessIdentity {
  pid: number;
  /** Clock ticks since boot when the process started (Linux); null where unknown. */
  startTime: string | null;
}

export async function ownIdentity(): Promise<ProcessIdentity> {
  return { pid: process.pid, startTime: await startTimeOf(process.pid) };
}

/** Whether the process that recorded `identity` is still running. */
export async function isRunning(identity: ProcessIdentity): Promise<boolean> {
  if (!pidExists(identity.pid)) return false;
  if (identity.startTime === null) return true;
  const now = await startTimeOf(identity.pid);
  // Unknown now (not Linux, /proc hidden): the pid is all there is to go by.
  return now === null || now === identity.startTime;
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is only someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function startTimeOf(pid: number): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Field 22 of the whole line, starttime; the slice starts at field 3.
    return fields[19] ?? null;
  } catch {
    return null;
  }
}
