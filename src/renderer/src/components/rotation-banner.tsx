import { useEffect, useMemo, type ReactNode } from 'react';
import { attempt } from '../lib/api';
import { isBusy, isUnfinished } from '../lib/rotation-state';
import { useStore } from '../store';

/**
 * Unfinished rotations stay in view, including those recovered after a restart: one may be
 * waiting for the user (a paste, a dashboard revoke, a retry) with the old token still active.
 */
export function RotationBanner(): ReactNode {
  const rotations = useStore((s) => s.rotations);
  const loadRotations = useStore((s) => s.loadRotations);
  const showNotice = useStore((s) => s.showNotice);
  const openDialog = useStore((s) => s.openDialog);

  useEffect(() => {
    void attempt(() => loadRotations()).then((outcome) => {
      if (!outcome.ok) {
        showNotice({ tone: 'error', text: `Could not list rotations: ${outcome.error.message}` });
      }
    });
  }, [loadRotations, showNotice]);

  const unfinished = useMemo(() => Object.values(rotations).filter(isUnfinished), [rotations]);
  if (unfinished.length === 0) return null;
  const waiting = unfinished.filter((view) => !isBusy(view)).length;
  const total =
    unfinished.length === 1 ? '1 rotation unfinished' : `${unfinished.length} rotations unfinished`;

  return (
    <div
      className={waiting > 0 ? 'rotation-banner rotation-banner-waiting' : 'rotation-banner'}
      role="region"
      aria-label="Unfinished rotations"
      data-testid="rotation-banner"
    >
      <span>
        {total}
        {waiting > 0 ? ` — ${waiting} need${waiting === 1 ? 's' : ''} you` : ' — in progress'}
      </span>
      <button type="button" className="small" onClick={() => openDialog({ kind: 'rotations' })}>
        Show rotations
      </button>
    </div>
  );
}
