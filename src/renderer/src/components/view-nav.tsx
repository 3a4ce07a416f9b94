import type { ReactNode } from 'react';
import { useStore } from '../store';
import type { View } from '../store/attention.slice';
import '../styles/attention.css';

const views: Array<{ view: View; label: string }> = [
  { view: 'tokens', label: 'Tokens' },
  { view: 'attention', label: 'Needs attention' },
  { view: 'audit', label: 'Last-used audit' },
  { view: 'timeline', label: 'Expiry timeline' },
  { view: 'rules', label: 'Reminder rules' },
];

export function ViewNav(): ReactNode {
  const current = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const count = useStore((s) => (s.attention === null ? 0 : s.attention.items.length));
  return (
    <nav aria-label="Views">
      <ul className="nav-list view-nav">
        {views.map(({ view, label }) => (
          <li key={view}>
            <button
              type="button"
              className="nav-item"
              aria-current={current === view ? 'page' : undefined}
              onClick={() => setView(view)}
            >
              <span className="nav-text">
                <span className="nav-label">{label}</span>
              </span>
              {view === 'attention' && count > 0 ? (
                <span className="count-pill" data-testid="attention-count">
                  {count}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
