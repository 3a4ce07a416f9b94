import { useEffect } from 'react';
import { api, attempt } from './api';
import { useStore } from '../store';

/**
 * Keeps the attention views in step with main: its scheduler says when the count may have
 * changed, a clicked desktop notification asks to show a token, and in the browser target (no
 * desktop notifications) due reminders arrive here to be shown in the page.
 */
export function useAttentionEvents(): void {
  const ready = useStore((s) => s.lifecycle === 'ready');
  const inPage = useStore((s) => s.appInfo !== null && s.appInfo.target === 'browser');
  const loadAttention = useStore((s) => s.loadAttention);
  const openToken = useStore((s) => s.openToken);
  const reminderArrived = useStore((s) => s.reminderArrived);

  useEffect(() => api.events.onAttentionOpen(openToken), [openToken]);

  useEffect(() => {
    if (!ready) return undefined;
    void attempt(() => loadAttention());
    return api.events.onAttentionChanged(() => void attempt(() => loadAttention()));
  }, [ready, loadAttention]);

  useEffect(
    () => (inPage ? api.events.onAttentionReminder(reminderArrived) : undefined),
    [inPage, reminderArrived],
  );
}
