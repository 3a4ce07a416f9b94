import type { ReactNode } from 'react';
import type { PublishResult, RotationView } from '../../../shared/model';

/** What happened to one target, in words: which secret it holds now, and why when it failed. */
function outcomeOf(result: PublishResult): string {
  const why = result.error === null ? '' : `: ${result.error}`;
  switch (result.state) {
    case 'pending':
      return ': not written yet';
    case 'writing':
      return ': writing…';
    case 'written-new':
      return ': updated and read back';
    case 'refused':
      return `: not updated (still the old secret)${why}`;
    case 'failed':
      return `: may hold the new secret, not proven${why}`;
    case 'restoring':
      return ': putting the old secret back…';
    case 'restored-old':
      return ': the old secret is back (read back)';
    case 'restore-failed':
      return `: the old secret could not be put back${why}`;
    case 'unbound':
      return ': removed from the targets; TokenDesk no longer writes it';
  }
}

/** Which CI secrets and files took the new secret during the rotation, by the names the user knows. */
export function RotationPublishResults({ view }: { view: RotationView }): ReactNode {
  if (view.publishResults.length === 0) return null;
  return (
    <section className="rotation-publish" aria-label="Publish targets">
      <h3 className="section-title">Publish targets</h3>
      <ul className="plain-list">
        {view.publishResults.map((result) => (
          <li
            key={result.targetId}
            data-testid="rotation-publish-result"
            data-ok={result.ok}
            data-state={result.state}
            data-holds={result.holds}
            className={result.ok ? 'result-ok' : 'result-failed'}
          >
            {result.ok ? '✓ ' : '✕ '}
            {result.target}
            {outcomeOf(result)}
          </li>
        ))}
      </ul>
    </section>
  );
}
