import type { AppNotice } from '../../../shared/model';
import { attempt, call } from '../lib/api';
import type { SliceCreator } from './store.types';

export interface NoticesSlice {
  /**
   * What main kept for the user until dismissed: damaged state files it recovered, rotations it
   * resumed or undid on start.
   */
  appNotices: AppNotice[];
  loadAppNotices: () => Promise<void>;
  /** A rotation's new notice replaces the one about the same rotation. */
  appNoticeArrived: (notice: AppNotice) => void;
  /** Main forgets the notice too, so a reload (or the other window) does not show it again. */
  dismissAppNotice: (noticeId: string) => Promise<void>;
}

function sameSubject(a: AppNotice, b: AppNotice): boolean {
  if (a.id === b.id) return true;
  return a.kind === 'rotation-recovered' && b.kind === 'rotation-recovered'
    ? a.rotationId === b.rotationId
    : false;
}

export const createNoticesSlice: SliceCreator<NoticesSlice> = (set, get) => ({
  appNotices: [],

  loadAppNotices: async () => {
    const notices = await call((api) => api.app.notices());
    // An event may have arrived while the list was on its way: keep one of each.
    set((state) => ({
      appNotices: [
        ...notices,
        ...state.appNotices.filter((n) => !notices.some((m) => sameSubject(m, n))),
      ],
    }));
  },

  appNoticeArrived: (notice) =>
    set((state) => ({
      appNotices: [...state.appNotices.filter((n) => !sameSubject(n, notice)), notice],
    })),

  dismissAppNotice: async (noticeId) => {
    const outcome = await attempt((api) => api.app.dismissNotice({ noticeId }));
    if (!outcome.ok) {
      get().showNotice({ tone: 'error', text: outcome.error.message });
      return;
    }
    set((state) => ({ appNotices: state.appNotices.filter((n) => n.id !== noticeId) }));
  },
});
