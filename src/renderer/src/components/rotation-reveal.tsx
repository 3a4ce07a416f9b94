import { useState, type ReactNode } from 'react';
import type { RotationView } from '../../../shared/model';
import { attempt } from '../lib/api';
import { SecretReveal } from './secret-reveal';

/**
 * The new secret, shown once on request: it lives in this component's state only and is gone
 * when the view closes. Main refuses a second reveal.
 */
export function RotationReveal({ view }: { view: RotationView }): ReactNode {
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const newTokenId = view.newTokenId;
  if (newTokenId === null) return null;

  if (secret !== null) {
    return (
      <div className="rotation-reveal">
        <SecretReveal
          token={{ accountId: view.accountId, id: newTokenId, name: view.newTokenName }}
          secret={secret}
          onDone={() => setSecret(null)}
        />
      </div>
    );
  }
  if (!view.revealAvailable) return null;

  const reveal = async (): Promise<void> => {
    setError(null);
    const outcome = await attempt((api) => api.rotation.reveal({ rotationId: view.rotationId }));
    if (outcome.ok) setSecret(outcome.value.secret);
    else setError(outcome.error.message);
  };

  return (
    <div className="rotation-reveal">
      <button type="button" onClick={() => void reveal()}>
        Show the new token
      </button>
      <span className="field-hint">Once only; it stays in your keychain either way.</span>
      {error === null ? null : (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
