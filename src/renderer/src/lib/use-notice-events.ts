import { useEffect } from 'react';
import { api, attempt } from './api';
import { useStore } from '../store';

/**
 * What main kept for the user (damaged state files it recovered, rotations it resumed or undid on
 * start): those from before this window was ready come from the list, later ones arrive as
 * events (subscribed first, so none falls in between).
 */
export function useNoticeEvents(): void {
  const ready = useStore((s) => s.lifecycle === 'ready');
  const appNoticeArrived = useStore((s) => s.appNoticeArrived);
  const loadAppNotices = useStore((s) => s.loadAppNotices);

  useEffect(() => api.events.onAppNotice(appNoticeArrived), [appNoticeArrived]);

  useEffect(() => {
    if (ready) void attempt(() => loadAppNotices());
  }, [ready, loadAppNotices]);
}
