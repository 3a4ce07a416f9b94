import { describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../shared/contract';
import { checkedEvents, type SendEvent } from './checked-events';

const CANARY = 'kpat_CANARY5fQ9zR2wXyL7mN3vB8cD1eH4jK6tP0sA';

function setUp() {
  const send = vi.fn<SendEvent>();
  const onRejected = vi.fn<(event: EventName, fields: string[]) => void>();
  return { send, onRejected, emit: checkedEvents(send, onRejected) };
}

describe('checkedEvents', () => {
  it('sends a payload that matches its schema, with only the declared fields', () => {
    const { send, onRejected, emit } = setUp();
    const payload = { count: 3, secret: CANARY };

    emit('attention:changed', payload);

    expect(send).toHaveBeenCalledExactlyOnceWith('attention:changed', { count: 3 });
    expect(JSON.stringify(send.mock.calls)).not.toContain(CANARY);
    expect(onRejected).not.toHaveBeenCalled();
  });

  it('drops a payload that breaks the contract and names the fields, not the values', () => {
    const { send, onRejected, emit } = setUp();

    emit('attention:open', { accountId: CANARY, tokenId: 42 } as never);
    emit('attention:changed', { count: -1 });

    expect(send).not.toHaveBeenCalled();
    expect(onRejected.mock.calls).toEqual([
      ['attention:open', ['tokenId']],
      ['attention:changed', ['count']],
    ]);
    expect(JSON.stringify(onRejected.mock.calls)).not.toContain(CANARY);
  });
});
