import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  channels,
  contract,
  eventMethodName,
  eventNames,
  events,
  splitChannel,
  type Api,
  type Channel,
  type ChannelArgs,
  type Unsubscribe,
} from './contract';
import { AppError, decodeError, encodeErrorMessage } from './errors';
import type { Account, AccountInventory, Expiry, ProviderKind, TokenInfo } from './model';

/** One valid argument object per channel; the type makes a channel without one an error. */
const validArgs: { [C in Channel]: ChannelArgs<C> } = {
  'app:info': {},
  'app:notices': {},
  'app:dismissNotice': { noticeId: 'ntc-1' },
  'providers:list': {},
  'accounts:list': {},
  'accounts:add': {
    provider: 'kestra',
    label: 'Work',
    baseUrl: 'https://kestra.example.com',
    settings: { tenant: 'main' },
    credential: 'a-management-token',
  },
  'accounts:setCredential': { accountId: 'acc-1', credential: 'a-new-management-token' },
  'accounts:remove': { accountId: 'acc-1' },
  'tokens:inventory': {},
  'tokens:refresh': { accountId: 'acc-1' },
  'tokens:create': { accountId: 'acc-1', name: 'ci', expiry: { kind: 'days', days: 30 } },
  'tokens:createReplacement': {
    accountId: 'acc-1',
    tokenId: 'tok-1',
    expiry: { kind: 'days', days: 90 },
  },
  'tokens:revoke': { accountId: 'acc-1', tokenId: 'tok-1' },
  'tokens:rename': { accountId: 'acc-1', tokenId: 'tok-1', name: 'chat-app' },
  'tokens:setStatus': { accountId: 'acc-1', tokenId: 'tok-1', status: 'inactive' },
  'tokens:track': { accountId: 'acc-1', name: 'ci', secret: 'a-pasted-secret', project: 'p1' },
  'tokens:verify': { accountId: 'acc-1', tokenId: 'tok-1' },
  'tokens:forget': { accountId: 'acc-1', tokenId: 'tok-1' },
  'secrets:copy': { accountId: 'acc-1', tokenId: 'tok-1' },
  'import:scan': { sources: [{ kind: 'environment' }, { kind: 'dotenv', path: '/tmp/.env' }] },
  'import:apply': { accountId: 'acc-1', items: [{ candidateId: 'imp-1', name: 'ci' }] },
  'rotation:start': { accountId: 'acc-1', tokenId: 'tok-1' },
  'rotation:list': {},
  'rotation:provideSecret': { rotationId: 'rot-1', secret: 'a-pasted-secret' },
  'rotation:confirmRevoked': { rotationId: 'rot-1' },
  'rotation:retry': { rotationId: 'rot-1' },
  'rotation:cancel': { rotationId: 'rot-1' },
  'rotation:reveal': { rotationId: 'rot-1' },
  'publish:list': { accountId: 'acc-1', tokenId: 'tok-1' },
  'publish:add': {
    accountId: 'acc-1',
    tokenId: 'tok-1',
    target: {
      kind: 'github-actions',
      repository: 'octo/app',
      secretName: 'API_TOKEN',
      credential: { accountId: 'acc-2', tokenId: 'trk-1' },
    },
  },
  'publish:remove': { accountId: 'acc-1', tokenId: 'tok-1', targetId: 'pub-1' },
  'publish:run': { accountId: 'acc-1', tokenId: 'tok-1', targetIds: ['pub-1'] },
  'publish:check': {},
  'publish:again': { accountId: 'acc-1', tokenId: 'tok-1' },
  'attention:list': {},
  'attention:snooze': { accountId: 'acc-1', tokenId: 'tok-1', days: 7 },
  'attention:setReminder': {
    accountId: 'acc-1',
    tokenId: 'tok-1',
    remindAt: '2025-06-01T09:00:00.000Z',
  },
  'attention:settings': {},
  'attention:setSettings': {
    settings: {
      global: {
        expiryThresholdsDays: [30, 7, 1],
        neverUsedDays: 14,
        idleDays: 30,
        rotateEveryDays: null,
      },
      accounts: { 'acc-1': { idleDays: 10 } },
    },
  },
  'attention:timeline': { days: 90 },
  'audit:list': {},
};

describe('contract channels', () => {
  it('lists every channel of the contract', () => {
    expect(channels).toEqual(Object.keys(contract));
    expect(channels.length).toBeGreaterThan(0);
  });

  it.each(channels)('%s is named domain:verb, the verb in lowerCamelCase', (channel) => {
    expect(channel).toMatch(/^[a-z]+:[a-z]+(?:[A-Z][a-z]+)*$/);
  });

  it.each(channels)('%s has zod schemas for its arguments and its result', (channel) => {
    expect(contract[channel].args).toBeInstanceOf(z.ZodType);
    expect(contract[channel].result).toBeInstanceOf(z.ZodType);
  });

  it.each(channels)('%s takes an object of arguments', (channel) => {
    expect(contract[channel].args).toBeInstanceOf(z.ZodObject);
  });

  it.each(channels)('%s accepts its sample arguments', (channel) => {
    expect(contract[channel].args.safeParse(validArgs[channel]).success).toBe(true);
  });

  it.each(channels)('%s refuses an argument it does not declare', (channel) => {
    const parsed = contract[channel].args.safeParse({ ...validArgs[channel], unexpected: 1 });

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.code)).toEqual(['unrecognized_keys']);
  });

  it('splits a channel into its domain and verb', () => {
    expect(splitChannel('tokens:create')).toEqual({ domain: 'tokens', verb: 'create' });
  });
});

describe('contract events', () => {
  it.each(eventNames)('%s is named domain:verb in lowercase and has a payload schema', (event) => {
    expect(event).toMatch(/^[a-z]+:[a-z]+$/);
    expect(events[event]).toBeInstanceOf(z.ZodType);
  });

  it('names the subscription method after the event', () => {
    expect(eventMethodName('inventory:changed')).toBe('onInventoryChanged');
    expectTypeOf(eventMethodName('inventory:changed')).toEqualTypeOf<'onInventoryChanged'>();
  });
});

describe('the Api type', () => {
  it('has one group per domain plus events, and no generic invoke/send/on', () => {
    expectTypeOf<keyof Api>().toEqualTypeOf<
      | 'app'
      | 'providers'
      | 'accounts'
      | 'tokens'
      | 'secrets'
      | 'import'
      | 'rotation'
      | 'publish'
      | 'attention'
      | 'audit'
      | 'events'
    >();
    expectTypeOf<keyof Api['publish']>().toEqualTypeOf<
      'list' | 'add' | 'remove' | 'run' | 'check' | 'again'
    >();
    expectTypeOf<keyof Api['tokens']>().toEqualTypeOf<
      | 'inventory'
      | 'refresh'
      | 'create'
      | 'createReplacement'
      | 'revoke'
      | 'rename'
      | 'setStatus'
      | 'track'
      | 'verify'
      | 'forget'
    >();
    expectTypeOf<keyof Api['rotation']>().toEqualTypeOf<
      'start' | 'list' | 'provideSecret' | 'confirmRevoked' | 'retry' | 'cancel' | 'reveal'
    >();
    expectTypeOf<keyof Api['accounts']>().toEqualTypeOf<
      'list' | 'add' | 'setCredential' | 'remove'
    >();
    expectTypeOf<keyof Api['app']>().toEqualTypeOf<'info' | 'notices' | 'dismissNotice'>();
    expectTypeOf<keyof Api['events']>().toEqualTypeOf<
      | 'onAppNotice'
      | 'onInventoryChanged'
      | 'onRotationProgress'
      | 'onAttentionChanged'
      | 'onAttentionReminder'
      | 'onAttentionOpen'
    >();
  });

  it('types tokens.create from the schemas: arguments in, the token and its secret out', () => {
    expectTypeOf<Api['tokens']['create']>().parameters.toEqualTypeOf<
      [
        {
          accountId: string;
          name: string;
          description?: string | undefined;
          expiry: Expiry;
          extended?: boolean | undefined;
        },
      ]
    >();
    expectTypeOf<Api['tokens']['create']>().returns.resolves.toEqualTypeOf<{
      token: TokenInfo;
      secret: string;
    }>();
    // @ts-expect-error -- tokens.create cannot be called without its arguments
    expectTypeOf<Api['tokens']['create']>().toBeCallableWith();
  });

  it('types the other results from the schemas', () => {
    expectTypeOf<Api['accounts']['list']>().returns.resolves.toEqualTypeOf<Account[]>();
    expectTypeOf<Api['accounts']['add']>().returns.resolves.toEqualTypeOf<Account>();
    expectTypeOf<Api['tokens']['inventory']>().returns.resolves.toEqualTypeOf<AccountInventory[]>();
    expectTypeOf<Api['accounts']['add']>().parameter(0).toHaveProperty('provider');
    expectTypeOf<Api['accounts']['add']>()
      .parameter(0)
      .toHaveProperty('provider')
      .toEqualTypeOf<ProviderKind>();
  });

  it('lets channels without required arguments be called without any', () => {
    expectTypeOf<Api['app']['info']>().toBeCallableWith();
    expectTypeOf<Api['providers']['list']>().toBeCallableWith();
    expectTypeOf<Api['accounts']['list']>().toBeCallableWith();
    expectTypeOf<Api['tokens']['inventory']>().toBeCallableWith();
    expectTypeOf<Api['tokens']['refresh']>().toBeCallableWith();
    expectTypeOf<Api['tokens']['refresh']>().toBeCallableWith({ accountId: 'acc-1' });
    // @ts-expect-error -- a channel without arguments refuses unknown ones at compile time too
    expectTypeOf<Api['accounts']['list']>().toBeCallableWith({ unexpected: 1 });
  });

  it('types subscriptions: a listener of the payload in, an unsubscribe function out', () => {
    expectTypeOf<Api['events']['onInventoryChanged']>().returns.toEqualTypeOf<Unsubscribe>();
    expectTypeOf<Unsubscribe>().toEqualTypeOf<() => void>();
    expectTypeOf<Api['events']['onInventoryChanged']>()
      .parameter(0)
      .toEqualTypeOf<(payload: AccountInventory) => void>();
  });
});

describe('errors across the bridge', () => {
  it('reads back the code and message that a preload encoded', () => {
    const decoded = decodeError(
      new Error(encodeErrorMessage({ code: 'AUTH_FAILED', message: 'x' })),
    );

    expect(decoded).toBeInstanceOf(AppError);
    expect(decoded.code).toBe('AUTH_FAILED');
    expect(decoded.message).toBe('x');
  });

  it('keeps a message over several lines and tolerates an "Error: " prefix', () => {
    const decoded = decodeError('Error: RATE_LIMITED: Slow down.\nTry again in a minute.');

    expect(decoded.code).toBe('RATE_LIMITED');
    expect(decoded.message).toBe('Slow down.\nTry again in a minute.');
  });

  it('returns an AppError as it is', () => {
    const error = new AppError('NOT_FOUND', 'No such token.');

    expect(decodeError(error)).toBe(error);
  });

  it.each([
    ['text without a code', new Error('ECONNRESET at socket 10.0.0.1 with token abc123')],
    ['a code that is not ours', new Error('NOT_A_CODE: token abc123')],
    ['a lowercase code', new Error('auth_failed: token abc123')],
    ['something that is not an error', { token: 'abc123' }],
    ['undefined', undefined],
  ])('turns %s into INTERNAL with a generic message', (_what, error) => {
    const decoded = decodeError(error);

    expect(decoded.code).toBe('INTERNAL');
    expect(decoded.message).toBe('Something went wrong. See the log for details.');
    expect(decoded.message).not.toContain('abc123');
  });
});
