import type { ReactNode } from 'react';
import { useStore } from '../store';

/** What shows before the workspace: a quiet loading line, or why starting failed. */
export function StartupScreen(): ReactNode {
  const lifecycle = useStore((s) => s.lifecycle);
  const startError = useStore((s) => s.startError);
  const start = useStore((s) => s.start);

  if (lifecycle === 'failed') {
    return (
      <div className="startup">
        <div role="alert" className="startup-error">
          <h1>TokenDesk could not start</h1>
          <p data-testid="startup-error">{startError}</p>
        </div>
        <button type="button" className="primary" onClick={() => void start()}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <div className="startup" role="status">
      <span className="spinner" aria-hidden="true" />
      Loading your accounts…
    </div>
  );
}
