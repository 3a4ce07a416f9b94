import { useEffect, type ReactNode } from 'react';
import { useStore } from '../store';

/** Long enough to read a sentence; errors stay until dismissed. */
const infoVisibleMs = 8000;

export function NoticeBar(): ReactNode {
  const notice = useStore((s) => s.notice);
  const dismissNotice = useStore((s) => s.dismissNotice);

  useEffect(() => {
    if (notice === null || notice.tone === 'error') return;
    const timer = window.setTimeout(dismissNotice, infoVisibleMs);
    return () => window.clearTimeout(timer);
  }, [notice, dismissNotice]);

  return (
    // The live region stays mounted so screen readers announce each new notice.
    <div role="status" className="notice-region">
      {notice === null ? null : (
        <div data-testid="notice" className={`notice notice-${notice.tone}`}>
          <span data-testid="notice-text">{notice.text}</span>
          <button type="button" className="small quiet" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
