import { useEffect, type ReactNode } from 'react';
import type { AppNotice } from '../../../shared/model';
import { describeRecovery } from '../lib/recovered-file';
import { describeRotationRecovery } from '../lib/rotation-recovered';
import { useStore } from '../store';

/** Long enough to read a sentence; errors stay until dismissed. */
const infoVisibleMs = 8000;

export function NoticeBar(): ReactNode {
  const notice = useStore((s) => s.notice);
  const dismissNotice = useStore((s) => s.dismissNotice);
  const appNotices = useStore((s) => s.appNotices);
  const dismissAppNotice = useStore((s) => s.dismissAppNotice);

  useEffect(() => {
    if (notice === null || notice.tone === 'error') return;
    const timer = window.setTimeout(dismissNotice, infoVisibleMs);
    return () => window.clearTimeout(timer);
  }, [notice, dismissNotice]);

  return (
    // The live region stays mounted so screen readers announce each new notice.
    <div role="status" className="notice-region">
      {appNotices.map((kept) => (
        // Stays until dismissed: a damaged file's copy, or what recovery did to a rotation.
        <div key={kept.id} data-testid={testIdOf(kept)} className={`notice ${toneOf(kept)}`}>
          <span>{textOf(kept)}</span>
          <button
            type="button"
            className="small quiet"
            aria-label={`Dismiss the notice about ${subjectOf(kept)}`}
            onClick={() => void dismissAppNotice(kept.id)}
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

function textOf(notice: AppNotice): string {
  return notice.kind === 'recovered-file'
    ? describeRecovery(notice)
    : describeRotationRecovery(notice);
}

function subjectOf(notice: AppNotice): string {
  return notice.kind === 'recovered-file' ? notice.file : `the rotation of ${notice.tokenName}`;
}

function testIdOf(notice: AppNotice): string {
  return notice.kind === 'recovered-file' ? 'recovered-file-notice' : 'rotation-recovery-notice';
}

/** A finished or undone rotation is news; one that needs the user, or a damaged file, a warning. */
function toneOf(notice: AppNotice): string {
  if (notice.kind === 'recovered-file') return 'notice-error';
  const stale = notice.targets.some((target) => target.holds === 'unknown');
  return notice.outcome === 'rotated' || (notice.outcome === 'undone' && !stale)
    ? 'notice-info'
    : 'notice-error';
}
