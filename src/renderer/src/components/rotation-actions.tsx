import { useState, type FormEvent, type ReactNode } from 'react';
import type { RotationView } from '../../../shared/model';
import { decodeError } from '../../../shared/errors';
import { isBusy, offersCancel, offersRetry } from '../lib/rotation-state';
import { useStore } from '../store';
import { FormField } from './form-field';

interface RotationActionsProps {
  view: RotationView;
  serviceName: string;
}

/** What the user can do for a stopped rotation: paste, confirm a revoke, retry, or cancel. */
export function RotationActions({ view, serviceName }: RotationActionsProps): ReactNode {
  const provideRotationSecret = useStore((s) => s.provideRotationSecret);
  const confirmOldRevoked = useStore((s) => s.confirmOldRevoked);
  const retryRotation = useStore((s) => s.retryRotation);
  const cancelRotation = useStore((s) => s.cancelRotation);
  const [secret, setSecret] = useState('');
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (isBusy(view)) return null;
  const waitingForSecret = view.status === 'needs-user' && view.waitingFor === 'secret';
  const waitingForRevoke = view.status === 'needs-user' && view.waitingFor === 'revoke';
  const retry = offersRetry(view);
  const cancel = offersCancel(view);
  if (!waitingForSecret && !waitingForRevoke && !retry && !cancel) return null;

  const run = async (action: () => Promise<void>): Promise<void> => {
    setWorking(true);
    setError(null);
    try {
      await action();
      setSecret('');
    } catch (thrown) {
      setError(decodeError(thrown).message);
    }
    setWorking(false);
  };

  const submitSecret = (event: FormEvent): void => {
    event.preventDefault();
    if (secret.trim() === '') {
      setError('Paste the new token first.');
      return;
    }
    void run(() => provideRotationSecret(view.rotationId, secret));
  };

  const dashboardLink =
    view.tokenPageUrl === null ? null : (
      <a className="button-link" href={view.tokenPageUrl} target="_blank" rel="noopener noreferrer">
        Open {serviceName}&apos;s token page
      </a>
    );

  return (
    <div className="rotation-actions" data-testid="rotation-actions">
      {waitingForSecret ? (
        <form className="form" onSubmit={submitSecret} noValidate>
          <FormField
            label="New token"
            hint="Checked against the service, then kept in your system keychain."
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
              />
            )}
          </FormField>
          <div className="rotation-action-row">
            {dashboardLink}
            <button type="submit" className="primary" disabled={working}>
              Check and continue
            </button>
          </div>
        </form>
      ) : null}
      {waitingForRevoke ? (
        <div className="rotation-action-row">
          {dashboardLink}
          <button
            type="button"
            className="primary"
            disabled={working}
            onClick={() => void run(() => confirmOldRevoked(view.rotationId))}
          >
            I revoked it — check now
          </button>
        </div>
      ) : null}
      {retry || cancel ? (
        <div className="rotation-action-row">
          {retry ? (
            <button
              type="button"
              className="primary"
              disabled={working}
              onClick={() => void run(() => retryRotation(view.rotationId))}
            >
              Retry
            </button>
          ) : null}
          {cancel ? (
            <button
              type="button"
              className="danger-quiet"
              disabled={working}
              onClick={() => void run(() => cancelRotation(view.rotationId))}
            >
              Cancel rotation
            </button>
          ) : null}
        </div>
      ) : null}
      {error === null ? null : (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
