import { useEffect, type ReactNode } from 'react';
import { describeRecovery } from '../lib/recovered-file';
import { useStore } from '../store';

/** Long enough to read a sentence; errors stay until dismissed. */
const infoVisibleMs = 8000;

export function NoticeBar(): ReactNode {
  const notice = useStore((s) => s.notice);
  const dismissNotice = useStore((s) => s.dismissNotice);
  const recoveredFiles = useStore((s) => s.recoveredFiles);
  const dismissRecoveredFile = useStore((s) => s.dismissRecoveredFile);

  useEffect(() => {
    if (notice === null || notice.tone === 'error') return;
    const timer = window.setTimeout(dismissNotice, infoVisibleMs);
    return () => window.clearTimeout(timer);
  }, [notice, dismissNotice]);

  return (
    // The live region stays mounted so screen readers announce each new notice.
    <div role="status" className="notice-region">
      {recoveredFiles.map((recovered) => (
        // Stays until dismissed: the user may need the path to look at the damaged copy.
        <div key={recovered.id} data-testid="recovered-file-notice" className="notice notice-error">
          <span>{describeRecovery(recovered)}</span>
          <button
            type="button"
            className="small quiet"
            aria-label={`Dismiss the notice about ${recovered.file}`}
            onClick={() => void dismissRecoveredFile(recovered.id)}
          >
            Dismiss
          </button>
        </div>
      ))}
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
