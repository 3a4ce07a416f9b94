import type { RecoveredFileNotice } from '../../../shared/model';
import { attempt, call } from '../lib/api';
import type { SliceCreator } from './store.types';

export interface NoticesSlice {
  /** Damaged state files main recovered and the user has not dismissed yet. */
  recoveredFiles: RecoveredFileNotice[];
  loadRecoveredFiles: () => Promise<void>;
  recoveredFileArrived: (notice: RecoveredFileNotice) => void;
  /** Main forgets the notice too, so a reload (or the other window) does not show it again. */
  dismissRecoveredFile: (noticeId: string) => Promise<void>;
}

export const createNoticesSlice: SliceCreator<NoticesSlice> = (set, get) => ({
  recoveredFiles: [],

  loadRecoveredFiles: async () => {
    const notices = await call((api) => api.app.notices());
    // An event may have arrived while the list was on its way: keep one of each.
    set((state) => ({
      recoveredFiles: [
        ...notices,
        ...state.recoveredFiles.filter((n) => !notices.some((m) => m.id === n.id)),
      ],
    }));
  },

  recoveredFileArrived: (notice) =>
    set((state) => ({
      recoveredFiles: [...state.recoveredFiles.filter((n) => n.id !== notice.id), notice],
    })),

  dismissRecoveredFile: async (noticeId) => {
    const outcome = await attempt((api) => api.app.dismissNotice({ noticeId }));
    if (!outcome.ok) {
      get().showNotice({ tone: 'error', text: outcome.error.message });
      return;
    }
    set((state) => ({ recoveredFiles: state.recoveredFiles.filter((n) => n.id !== noticeId) }));
  },
});
