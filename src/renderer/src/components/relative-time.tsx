import type { ReactNode } from 'react';
import { relativeDate } from '../lib/relative-date';

interface RelativeTimeProps {
  iso: string | null;
  /** What a missing date means in this column: "Never" or "—" (unknown). */
  missingText: string;
}

export function RelativeTime({ iso, missingText }: RelativeTimeProps): ReactNode {
  const label = relativeDate(iso, missingText);
  if (label.iso === null) return <span>{label.text}</span>;
  return (
    <time dateTime={label.iso} title={label.iso}>
      {label.text}
    </time>
  );
}
