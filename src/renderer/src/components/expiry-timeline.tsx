import { format } from 'date-fns';
import { useEffect, type KeyboardEvent, type ReactNode } from 'react';
import type { TimelineEntry } from '../../../shared/attention-model';
import { attempt } from '../lib/api';
import { useStore } from '../store';

const WIDTH = 860;
const LABEL_WIDTH = 320;
/** Room for the account beside the token's name; the full label is in the entry's tooltip. */
const ACCOUNT_CHARS = 22;
const PLOT_WIDTH = 480;
const AXIS_HEIGHT = 32;
const ROW_HEIGHT = 28;
const TICK_DAYS = [0, 30, 60, 90];
const DAY_MS = 24 * 3600_000;

const kindWords: Record<TimelineEntry['kind'], string> = {
  expiry: 'expires',
  reminder: 'reminder',
  rotation: 'rotation due',
};

/** The next 90 days: one row per date (expiry, reminder, rotation policy), coloured by urgency. */
export function ExpiryTimeline(): ReactNode {
  const timeline = useStore((s) => s.timeline);
  const loadTimeline = useStore((s) => s.loadTimeline);
  const openToken = useStore((s) => s.openToken);

  useEffect(() => {
    void attempt(() => loadTimeline());
  }, [loadTimeline]);

  if (timeline === null) return <p className="view-loading">Checking your tokens…</p>;

  const from = Date.parse(timeline.from);
  const span = Math.max(1, Date.parse(timeline.to) - from);
  const x = (time: number): number => LABEL_WIDTH + ((time - from) / span) * PLOT_WIDTH;
  const height = AXIS_HEIGHT + timeline.entries.length * ROW_HEIGHT + 8;

  return (
    <section className="timeline-view" aria-labelledby="timeline-title">
      <h1 id="timeline-title" className="view-title">
        Expiry timeline
      </h1>
      {timeline.entries.length === 0 ? (
        <p data-testid="timeline-empty">Nothing expires or falls due in the next 90 days.</p>
      ) : (
        <svg
          className="timeline"
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          role="group"
          aria-label="Tokens by expiry date, next 90 days"
        >
          {TICK_DAYS.map((days) => {
            const tickX = x(from + days * DAY_MS);
            return (
              <g key={days} className="timeline-tick">
                <line x1={tickX} x2={tickX} y1={AXIS_HEIGHT - 6} y2={height} />
                <text x={tickX} y={AXIS_HEIGHT - 12} textAnchor="middle">
                  {days === 0 ? 'Today' : format(new Date(from + days * DAY_MS), 'd MMM')}
                </text>
              </g>
            );
          })}
          {timeline.entries.map((entry, index) => (
            <TimelineRow
              key={`${entry.accountId}/${entry.tokenId}/${entry.kind}`}
              entry={entry}
              y={AXIS_HEIGHT + index * ROW_HEIGHT + ROW_HEIGHT / 2}
              x={x(Date.parse(entry.at))}
              onOpen={() => openToken({ accountId: entry.accountId, tokenId: entry.tokenId })}
            />
          ))}
        </svg>
      )}
    </section>
  );
}

function TimelineRow({
  entry,
  x,
  y,
  onOpen,
}: {
  entry: TimelineEntry;
  x: number;
  y: number;
  onOpen: () => void;
}): ReactNode {
  const day = format(new Date(entry.at), 'd MMM yyyy');
  const urgency = entry.urgency ?? 'none';
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onOpen();
  };
  return (
    <g
      className={`timeline-entry urgency-${urgency}`}
      role="button"
      tabIndex={0}
      aria-label={`${entry.tokenName} (${entry.accountLabel}) ${kindWords[entry.kind]} ${day}`}
      data-testid="timeline-entry"
      data-token-id={entry.tokenId}
      data-urgency={urgency}
      onClick={onOpen}
      onKeyDown={onKeyDown}
    >
      <title>{`${entry.tokenName} · ${entry.accountLabel}`}</title>
      <text className="timeline-label" x={LABEL_WIDTH - 10} y={y + 4} textAnchor="end">
        {entry.tokenName}
        <tspan className="timeline-account"> · {shorten(entry.accountLabel)}</tspan>
      </text>
      <line className="timeline-bar" x1={LABEL_WIDTH} x2={x} y1={y} y2={y} />
      <circle className="timeline-dot" cx={x} cy={y} r={6} />
      <text className="timeline-date" x={x + 10} y={y + 4}>
        {entry.kind === 'expiry' ? day : `${kindWords[entry.kind]} ${day}`}
      </text>
    </g>
  );
}

function shorten(text: string): string {
  return text.length <= ACCOUNT_CHARS ? text : `${text.slice(0, ACCOUNT_CHARS - 1)}…`;
}
