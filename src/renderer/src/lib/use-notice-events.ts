import { useEffect } from 'react';
import { api, attempt } from './api';
import { useStore } from '../store';

/**
 * Damaged state files main recovered: those found before this window was ready come from the
 * list, those found later arrive as events (subscribed first, so none falls in between).
 */
export function useNoticeEvents(): void {
  const ready = useStore((s) => s.lifecycle === 'ready');
  const recoveredFileArrived = useStore((s) => s.recoveredFileArrived);
  const loadRecoveredFiles = useStore((s) => s.loadRecoveredFiles);

  useEffect(() => api.events.onAppNotice(recoveredFileArrived), [recoveredFileArrived]);

  useEffect(() => {
    if (ready) void attempt(() => loadRecoveredFiles());
  }, [ready, loadRecoveredFiles]);
}
