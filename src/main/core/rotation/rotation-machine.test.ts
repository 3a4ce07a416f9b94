import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allows,
  rotationEvents,
  rotationPhases,
  tableRows,
  type RotationEvent,
  type RotationPhase,
} from '../../../shared/rotation-machine';
import { enter, phaseOf } from './rotation-phase';
import { RotationRecordSchema, type RotationRecord } from './rotation-record';
import { recordIn } from './rotation-test-kit';
import { toView } from './rotation-view';

const NOW = '2026-01-02T00:00:00.000Z';
const at = '2026-01-01T00:00:00.000Z';

/**
 * What the runner has done to the steps by the time it sends `event` (the table moves status,
 * direction and waits; the steps are the runner's facts). Without them the record would be in a
 * combination the schema refuses.
 */
function withFactsOf(event: RotationEvent, record: RotationRecord): RotationRecord {
  const steps = structuredClone(record.steps);
  switch (event) {
    case 'finished':
      for (const step of Object.values(steps)) Object.assign(step, { state: 'done', endedAt: at });
      return { ...record, steps };
    case 'fail-revoke':
    case 'await-revoke':
      steps.promote = { state: 'done', startedAt: at, endedAt: at };
      steps.revoke = { state: 'pending', startedAt: null, endedAt: null };
      return { ...record, steps, method: event === 'await-revoke' ? 'guided' : record.method };
    case 'await-secret':
      for (const step of ['create', 'store', 'verify', 'publish', 'promote'] as const) {
        steps[step] = { state: 'pending', startedAt: null, endedAt: null };
      }
      return { ...record, steps, method: 'guided', newTokenId: null, newToken: null };
    case 'roll-not-made':
      steps.promote = { state: 'pending', startedAt: null, endedAt: null };
      return { ...record, steps, method: 'roll', rollAttempted: true, newTokenId: null };
    default:
      return record;
  }
}

describe('the rotation state table', () => {
  it.each(tableRows())('$from + $event → $to', ({ from, event, to }) => {
    const record = withFactsOf(event, recordIn(from));
    expect(phaseOf(recordIn(from))).toBe(from);

    expect(enter(record, event, NOW)).toBe(to);

    expect(phaseOf(record)).toBe(to);
    // The record the runner would journal next is one the schema accepts.
    expect(RotationRecordSchema.safeParse(record).error).toBeUndefined();
  });

  const missing = rotationPhases.flatMap((phase) =>
    rotationEvents.filter((event) => !allows(phase, event)).map((event) => ({ phase, event })),
  );

  it.each(missing)('refuses $event when $phase', ({ phase, event }) => {
    const record = recordIn(phase);
    const before = structuredClone(record);
    expect(() => enter(record, event, NOW)).toThrow(/cannot take/);
    expect(record).toEqual(before);
  });

  it.each(rotationPhases)('%s: the view offers what the table allows', (phase: RotationPhase) => {
    const view = toView(recordIn(phase), {
      serviceName: 'Kestra',
      tokenPageUrl: null,
      running: false,
      holdsSecret: false,
      fixedLifetimes: false,
    });
    expect(view.phase).toBe(phase);
    expect(view.canCancel).toBe(allows(phase, 'cancel'));
    expect(view.canRetry).toBe(allows(phase, 'retry'));
  });

  it('matches the table in the rotation README, row for row', () => {
    const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
    const section = readme.split('## State table')[1]?.split('\n## ')[0] ?? '';
    const documented = section
      .split('\n')
      .map((line) => /^\| `([a-z-]+)` +\| `([a-z-]+)` +\| `([a-z-]+)` +\|/.exec(line))
      .filter((match) => match !== null)
      .map(([, from, event, to]) => ({ from, event, to }));
    expect(documented).toEqual(tableRows());
  });
});
