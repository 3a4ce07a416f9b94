import { describe, expect, it } from 'vitest';
import { lastAcceptedUse, newestCreated } from './sim-calls';

describe('lastAcceptedUse', () => {
  const calls = [
    { n: 1, accepted: true, secret: 'a' },
    { n: 2, accepted: true, secret: 'b' },
    { n: 3, accepted: true, secret: 'a' },
    { n: 4, accepted: false, secret: 'a' },
    { n: 5, accepted: true, secret: null },
  ];

  it('finds the latest accepted call with the value, skipping refused ones', () => {
    expect(lastAcceptedUse(calls, (call) => call.secret, 'a')?.n).toBe(3);
    expect(lastAcceptedUse(calls, (call) => call.secret, 'c')).toBeUndefined();
  });

  it('leaves the list in its order', () => {
    lastAcceptedUse(calls, (call) => call.secret, 'b');
    expect(calls.map((call) => call.n)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('newestCreated', () => {
  it('picks the latest creation time, and the later item of a same-millisecond tie', () => {
    const items = [
      { id: 'old', createdAt: '2025-01-01T00:00:00.000Z' },
      { id: 'first-twin', createdAt: '2025-01-02T00:00:00.000Z' },
      { id: 'second-twin', createdAt: '2025-01-02T00:00:00.000Z' },
      { id: 'older', createdAt: '2024-12-31T00:00:00.000Z' },
    ];
    expect(newestCreated(items)?.id).toBe('second-twin');
    expect(items[0]?.id).toBe('old');
    expect(newestCreated([])).toBeUndefined();
  });
});
