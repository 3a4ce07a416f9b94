import { basename } from 'node:path';

/**
 * Counts the state files read and written in this process, by file name: what tests and the
 * benchmark use to prove that a cold start reads each file once and that a burst of changes is
 * saved in a few writes, without timing anything.
 */
export class StorageMeter {
  private readonly reads = new Map<string, number>();
  private readonly writes = new Map<string, number>();

  read(path: string): void {
    bump(this.reads, basename(path));
  }

  wrote(path: string): void {
    bump(this.writes, basename(path));
  }

  readsOf(fileName: string): number {
    return this.reads.get(fileName) ?? 0;
  }

  writesOf(fileName: string): number {
    return this.writes.get(fileName) ?? 0;
  }

  reset(): void {
    this.reads.clear();
    this.writes.clear();
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export const storageMeter = new StorageMeter();
