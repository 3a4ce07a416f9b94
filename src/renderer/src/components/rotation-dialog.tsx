import { useEffect, type ReactNode } from 'react';
import { attempt } from '../lib/api';
import { useStore } from '../store';
import { selectAccount, selectProviderOf } from '../store/selectors';
import '../styles/rotation.css';
import { Modal } from './modal';
import { RotationActions } from './rotation-actions';
import { RotationOutcome } from './rotation-outcome';
import { RotationPublishResults } from './rotation-publish-results';
import { RotationReveal } from './rotation-reveal';
import { RotationStepList } from './rotation-step-list';

/** One rotation, step by step as main reports it, with whatever the user can do next. */
export function RotationDialog({ rotationId }: { rotationId: string }): ReactNode {
  const view = useStore((s) => s.rotations[rotationId]);
  const account = useStore((s) =>
    view === undefined ? undefined : selectAccount(s, view.accountId),
  );
  const serviceName = useStore((s) => {
    const provider = view === undefined ? undefined : selectProviderOf(s, view.accountId);
    return provider === undefined ? 'the service' : provider.name;
  });
  const loadRotations = useStore((s) => s.loadRotations);
  const closeDialog = useStore((s) => s.closeDialog);
  const openDialog = useStore((s) => s.openDialog);
  const known = view !== undefined;

  // Progress arrives as events; a view missing here (an event lost on the way) is fetched.
  useEffect(() => {
    if (!known) void attempt(() => loadRotations());
  }, [known, loadRotations]);

  const title = view === undefined ? 'Rotation' : `Rotate “${view.oldTokenName}”`;
  return (
    <Modal label={title} onClose={closeDialog}>
      <div className="rotation" data-testid="rotation-view" data-rotation-id={rotationId}>
        <h2 className="modal-title">{title}</h2>
        {view === undefined ? (
          <p className="muted">Starting…</p>
        ) : (
          <>
            <p className="modal-subtitle">
              {account === undefined ? serviceName : `${account.label} · ${serviceName}`}
            </p>
            <RotationOutcome view={view} serviceName={serviceName} />
            <RotationActions view={view} serviceName={serviceName} />
            <RotationReveal view={view} />
            <RotationStepList view={view} serviceName={serviceName} />
            <RotationPublishResults view={view} />
          </>
        )}
        <div className="modal-actions">
          <button type="button" onClick={() => openDialog({ kind: 'rotations' })}>
            All rotations
          </button>
          <button type="button" data-autofocus onClick={closeDialog}>
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}
