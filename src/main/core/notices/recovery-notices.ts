import { basename, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  AppNoticeSchema,
  type AppNotice,
  type RecoveredFileNotice,
  type RotationRecoveredNotice,
} from '../../../shared/model';
import type { Clock } from '../clock';
import type { EmitEvent } from '../events';
import type { Logger } from '../log/logger';
import { JsonDocument, type RecoveryNotice } from '../storage/json-document';

const NoticesFileSchema = z.object({
  version: z.literal(1),
  notices: z.array(AppNoticeSchema),
});
type NoticesFile = z.infer<typeof NoticesFileSchema>;

/** What a rotation's recovery tells the user; the id and time are the notices' own. */
export type RotationRecoveredInput = Omit<RotationRecoveredNotice, 'id' | 'kind' | 'at'>;

/**
 * What happened while nobody watched: damaged state files found and replaced, rotations resumed
 * or undone on start. Both happen before any window exists, so the notices wait in
 * `notices.json` until the user dismisses them, across restarts too; a window that opens later
 * asks for them, one already open gets each as it happens.
 */
export class RecoveryNotices {
  private readonly file: JsonDocument<NoticesFile>;
  /** Notices the disk refused; still shown until the app quits. */
  private readonly unsaved: AppNotice[] = [];
  private saving: Promise<void> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly clock: Clock,
    private readonly emit: EmitEvent,
    private readonly log: Logger,
  ) {
    // A damaged notices.json is itself worth a notice: the notices it held may be lost.
    this.file = new JsonDocument(
      join(dataDir, 'notices.json'),
      NoticesFileSchema,
      () => ({ version: 1, notices: [] }),
      (recovery) => this.record(recovery),
    );
  }

  record(recovery: RecoveryNotice): void {
    this.log.warn('a damaged state file was kept aside and replaced', { ...recovery });
    const notice: RecoveredFileNotice = {
      id: `ntc-${randomUUID()}`,
      kind: 'recovered-file',
      file: basename(recovery.path),
      keptAs: recovery.keptAs,
      restoredFrom: recovery.restoredFrom,
      at: this.clock.now().toISOString(),
    };
    void this.add(notice);
  }

  /**
   * A rotation resumed or undone on start. One notice per rotation: a later recovery of the same
   * rotation replaces the one the user has not read yet.
   */
  rotationRecovered(input: RotationRecoveredInput): Promise<void> {
    this.log.info('a rotation was resumed or undone on start', {
      rotationId: input.rotationId,
      outcome: input.outcome,
    });
    return this.add({
      ...input,
      id: `ntc-${randomUUID()}`,
      kind: 'rotation-recovered',
      at: this.clock.now().toISOString(),
    });
  }

  /** Every notice not dismissed yet, this run's and those earlier runs left, oldest first. */
  async list(): Promise<AppNotice[]> {
    return [...(await this.saved()), ...this.unsaved];
  }

  /**
   * Two windows may dismiss the same notice: the second finds it gone, which is no error. A
   * dismissal the disk refuses fails, and the notice stays.
   */
  async dismiss(noticeId: string): Promise<void> {
    await this.saving;
    const index = this.unsaved.findIndex((notice) => notice.id === noticeId);
    if (index !== -1) {
      this.unsaved.splice(index, 1);
      return;
    }
    if (!(await this.file.read()).notices.some((notice) => notice.id === noticeId)) return;
    await this.file.update((current) => ({
      ...current,
      notices: current.notices.filter((notice) => notice.id !== noticeId),
    }));
  }

  /** Resolves once the notice is saved (or kept in memory when the disk refuses it). */
  private add(notice: AppNotice): Promise<void> {
    this.saving = this.saving.then(() => this.save(notice));
    this.emit('app:notice', notice);
    return this.saving;
  }

  private async save(notice: AppNotice): Promise<void> {
    const supersedes = (old: AppNotice): boolean =>
      notice.kind === 'rotation-recovered' &&
      old.kind === 'rotation-recovered' &&
      old.rotationId === notice.rotationId;
    try {
      await this.file.update((current) => ({
        ...current,
        notices: [...current.notices.filter((old) => !supersedes(old)), notice],
      }));
    } catch (error) {
      this.unsaved.push(notice);
      this.log.warn('could not save a notice; it is shown until the app quits', { error });
    }
  }

  private async saved(): Promise<AppNotice[]> {
    // Reading first lets a damaged notices.json record its own notice before the wait; `save`
    // never rejects, so the wait ends with every notice saved or kept in `unsaved`.
    await this.file.read().catch(() => undefined);
    await this.saving;
    try {
      return (await this.file.read()).notices;
    } catch (error) {
      this.log.warn('could not read the saved notices', { error });
      return [];
    }
  }
}
