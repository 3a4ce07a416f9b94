import type { ChannelResult } from '../../../shared/contract';
import { decodeError } from '../../../shared/errors';
import { call } from '../lib/api';
import type { SliceCreator } from './store.types';

export type AppInfo = ChannelResult<'app:info'>;
export type Lifecycle = 'loading' | 'ready' | 'failed';

export interface AppSlice {
  lifecycle: Lifecycle;
  /** Null until the initial load succeeds; everything shown after `ready` can rely on it. */
  appInfo: AppInfo | null;
  startError: string | null;
  /** Guards against a second start while one runs (React runs mount effects twice in dev). */
  starting: boolean;
  start: () => Promise<void>;
}

export const createAppSlice: SliceCreator<AppSlice> = (set, get) => ({
  lifecycle: 'loading',
  appInfo: null,
  startError: null,
  starting: false,

  start: async () => {
    if (get().starting || get().lifecycle === 'ready') return;
    set({ starting: true, lifecycle: 'loading', startError: null });
    try {
      const [appInfo] = await Promise.all([
        call((api) => api.app.info()),
        get().loadProviders(),
        get().loadAccounts(),
        get().loadInventory(),
      ]);
      set({ appInfo, lifecycle: 'ready', starting: false });
    } catch (error) {
      set({ lifecycle: 'failed', startError: decodeError(error).message, starting: false });
      return;
    }
    // The cached list is already on screen; the live one replaces it account by account.
    await get().refresh();
  },
});
