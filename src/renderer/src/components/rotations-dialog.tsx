import { useMemo, type ReactNode } from 'react';
import { isUnfinished, statusText } from '../lib/rotation-state';
import { useStore } from '../store';
import '../styles/rotation.css';
import { Modal } from './modal';

/** Unfinished rotations first (oldest first), then the recent finished ones (newest first). */
export function RotationsDialog(): ReactNode {
  const rotations = useStore((s) => s.rotations);
  const accounts = useStore((s) => s.accounts);
  const problems = useStore((s) => s.rotationStartProblems);
  const closeDialog = useStore((s) => s.closeDialog);
  const openDialog = useStore((s) => s.openDialog);

  const ordered = useMemo(() => {
    const all = Object.values(rotations);
    const open = all.filter(isUnfinished).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    const finished = all
      .filter((view) => !isUnfinished(view))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return [...open, ...finished];
  }, [rotations]);
  const labelOf = (accountId: string): string => {
    const account = accounts.find((a) => a.id === accountId);
    return account === undefined ? 'Removed account' : account.label;
  };

  return (
    <Modal label="Rotations" size="wide" onClose={closeDialog}>
      <h2 className="modal-title">Rotations</h2>
      {problems.length === 0 ? null : (
        <div role="alert" className="rotation-problems" data-testid="rotation-start-problems">
          <p>
            {problems.length === 1 ? 'One rotation' : `${problems.length} rotations`} did not start:
          </p>
          <ul className="plain-list">
            {problems.map((problem, index) => (
              <li key={`${index}:${problem.tokenName}`}>
                <strong>{problem.tokenName}</strong>: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {ordered.length === 0 ? (
        <p className="muted">No rotations yet.</p>
      ) : (
        <ul className="rotation-list">
          {ordered.map((view) => (
            <li
              key={view.rotationId}
              data-testid="rotation-list-item"
              data-status={view.status}
              className="rotation-list-item"
            >
              <span className="rotation-list-name">{view.oldTokenName}</span>
              <span className="muted">{labelOf(view.accountId)}</span>
              <span
                className={
                  isUnfinished(view) ? 'rotation-list-status open' : 'rotation-list-status'
                }
              >
                {statusText(view)}
              </span>
              <button
                type="button"
                className="small"
                aria-label={`Open rotation of ${view.oldTokenName}`}
                onClick={() => openDialog({ kind: 'rotation', rotationId: view.rotationId })}
              >
                Open
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="modal-actions">
        <button type="button" onClick={closeDialog}>
          Close
        </button>
      </div>
    </Modal>
  );
}
