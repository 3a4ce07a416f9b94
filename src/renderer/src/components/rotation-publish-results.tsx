import { useEffect, useMemo, type ReactNode } from 'react';
import type { RotationView } from '../../../shared/model';
import { attempt } from '../lib/api';
import { useStore } from '../store';

/** Which CI secrets and files took the new secret during the rotation, by their description. */
export function RotationPublishResults({ view }: { view: RotationView }): ReactNode {
  const bindings = useStore((s) => s.bindings);
  const loadBindings = useStore((s) => s.loadBindings);
  const count = view.publishResults.length;
  // After promote the targets belong to the new token; before it, to the old one.
  const owner = view.newTokenId ?? view.oldTokenId;

  useEffect(() => {
    if (count === 0) return;
    // Only for the descriptions: without them the list shows the targets' ids.
    void attempt(() => loadBindings({ accountId: view.accountId, tokenId: owner }));
  }, [count, loadBindings, view.accountId, owner]);

  const descriptions = useMemo(() => {
    const map = new Map<string, string>();
    for (const list of Object.values(bindings)) {
      for (const binding of list) map.set(binding.id, binding.description);
    }
    return map;
  }, [bindings]);

  if (count === 0) return null;
  return (
    <section className="rotation-publish" aria-label="Publish targets">
      <h3 className="section-title">Publish targets</h3>
      <ul className="plain-list">
        {view.publishResults.map((result) => (
          <li
            key={result.targetId}
            data-testid="rotation-publish-result"
            data-ok={result.ok}
            className={result.ok ? 'result-ok' : 'result-failed'}
          >
            {result.ok ? '✓ ' : '✕ '}
            {descriptions.get(result.targetId) ?? result.targetId}
            {result.ok ? ': updated and read back' : `: ${result.error ?? 'failed'}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
