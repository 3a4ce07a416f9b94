import type { ReactNode } from 'react';
import { useStore } from '../store';
import { AttentionItemCard } from './attention-item';

/** Every token with a reason, most urgent first (main sorts), each with its fixes. */
export function AttentionView(): ReactNode {
  const attention = useStore((s) => s.attention);
  if (attention === null) return <p className="view-loading">Checking your tokens…</p>;
  return (
    <section className="attention-view" aria-labelledby="attention-title">
      <h1 id="attention-title" className="view-title">
        Needs attention
      </h1>
      {attention.snoozedCount === 0 ? null : (
        <p className="muted" data-testid="snoozed-count">
          {attention.snoozedCount} snoozed {attention.snoozedCount === 1 ? 'token' : 'tokens'} not
          shown.
        </p>
      )}
      {attention.items.length === 0 ? (
        <p data-testid="attention-empty">Nothing needs your attention.</p>
      ) : (
        <ul className="attention-list">
          {attention.items.map((item) => (
            <AttentionItemCard key={`${item.accountId}/${item.tokenId}`} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}
