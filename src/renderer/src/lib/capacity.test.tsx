import { describe, expect, it } from 'vitest';
import { capabilities, guidedProvider, inventory, provider, token } from '../test/fixtures';
import { capacityOf } from './capacity';

describe('capacityOf', () => {
  const podstack = guidedProvider({ capabilities: capabilities({ maxActive: 5 }) });
  const tokens = (statuses: ('active' | 'revoked' | 'expired')[]) =>
    inventory({ tokens: statuses.map((status, i) => token({ id: `t${i}`, status })) });

  it('counts only active tokens against the limit', () => {
    const capacity = capacityOf(podstack, tokens(['active', 'active', 'revoked', 'expired']));
    expect(capacity).toMatchObject({
      active: 2,
      max: 5,
      full: false,
      text: '2 of 5 active tokens',
    });
  });

  it('is full at the limit and says what to do', () => {
    const capacity = capacityOf(
      podstack,
      tokens(['active', 'active', 'active', 'active', 'active']),
    );
    expect(capacity === null ? null : capacity.full).toBe(true);
    expect(capacity === null ? null : capacity.tip).toBe(
      'Podstack allows 5 active tokens. Revoke one in its dashboard before creating another.',
    );
  });

  it('is null without a limit or before the list arrived', () => {
    expect(capacityOf(provider(), tokens(['active']))).toBeNull();
    expect(capacityOf(podstack, undefined)).toBeNull();
    expect(capacityOf(undefined, tokens(['active']))).toBeNull();
  });
});
