import { useState, type ReactNode } from 'react';
import type { PublishBinding } from '../../../shared/model';
import { decodeError } from '../../../shared/errors';
import { asOfTime } from '../lib/relative-date';
import { useStore } from '../store';
import type { TokenRef } from '../store/tokens.slice';

interface PublishBindingListProps {
  tokenRef: TokenRef;
  bindings: PublishBinding[];
}

function LastResult({ binding }: { binding: PublishBinding }): ReactNode {
  const result = binding.lastResult;
  if (result === null) return <span className="muted">Not published yet</span>;
  if (result.ok && result.verifiedAt !== null) {
    return (
      <span className="result-ok" data-testid="publish-result" data-ok="true">
        ✓ Published and read back at {asOfTime(result.verifiedAt)}
      </span>
    );
  }
  return (
    <span className="result-failed" data-testid="publish-result" data-ok="false">
      ✕ {result.error === null ? 'Not confirmed' : result.error.message}
    </span>
  );
}

/** The token's targets, each with its last verified outcome, publish and remove. */
export function PublishBindingList({ tokenRef, bindings }: PublishBindingListProps): ReactNode {
  const runPublish = useStore((s) => s.runPublish);
  const removeBinding = useStore((s) => s.removeBinding);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (id: string, action: () => Promise<unknown>): Promise<void> => {
    setBusy(id);
    setError(null);
    try {
      await action();
    } catch (thrown) {
      setError(decodeError(thrown).message);
    }
    setBusy(null);
  };

  if (bindings.length === 0) {
    return <p className="muted">No targets yet: the secret lives only in your keychain.</p>;
  }
  return (
    <>
      <ul className="publish-list">
        {bindings.map((binding) => (
          <li
            key={binding.id}
            className="publish-item"
            data-testid="publish-binding"
            data-target-kind={binding.target.kind}
          >
            <span className="publish-description">{binding.description}</span>
            <LastResult binding={binding} />
            <span className="publish-item-actions">
              <button
                type="button"
                className="small"
                disabled={busy !== null}
                aria-label={`Publish to ${binding.description}`}
                onClick={() => void act(binding.id, () => runPublish(tokenRef, [binding.id]))}
              >
                {busy === binding.id ? 'Publishing…' : 'Publish'}
              </button>
              <button
                type="button"
                className="small danger-quiet"
                disabled={busy !== null}
                aria-label={`Remove ${binding.description}`}
                onClick={() => void act(binding.id, () => removeBinding(tokenRef, binding.id))}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ul>
      {error === null ? null : (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </>
  );
}
