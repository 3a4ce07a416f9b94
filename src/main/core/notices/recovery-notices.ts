import { basename } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { RecoveredFileNotice } from '../../../shared/model';
import type { Clock } from '../clock';
import type { EmitEvent } from '../events';
import type { RecoveryNotice } from '../storage/json-document';

/**
 * Damaged state files found since start. Recovery happens on the first read of each file,
 * often before any window exists, so the notices wait here until the user dismisses them; a
 * window that opens later asks for them, one already open gets each as it happens.
 */
export class RecoveryNotices {
  private readonly pending: RecoveredFileNotice[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly emit: EmitEvent,
  ) {}

  record(recovery: RecoveryNotice): void {
    const notice: RecoveredFileNotice = {
      id: `ntc-${randomUUID()}`,
      kind: 'recovered-file',
      file: basename(recovery.path),
      keptAs: recovery.keptAs,
      restoredFrom: recovery.restoredFrom,
      at: this.clock.now().toISOString(),
    };
    this.pending.push(notice);
    this.emit('app:notice', notice);
  }

  list(): RecoveredFileNotice[] {
    return [...this.pending];
  }

  /** Two windows may dismiss the same notice: the second finds it gone, which is no error. */
  dismiss(noticeId: string): void {
    const index = this.pending.findIndex((notice) => notice.id === noticeId);
    if (index !== -1) this.pending.splice(index, 1);
  }
}
