import type { AttentionSettings } from '../../shared/attention-model';
import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type {
  Account,
  AccountInventory,
  PublishBinding,
  RotationView,
  TokenInfo,
} from '../../shared/model';
import type { Logger } from '../core/log/logger';
import { createDispatcher, type HandlerTable, type SenderFacts } from './handle';

const OWN_URL = 'file:///opt/TokenDesk/out/renderer/index.html';
const mainFrame: SenderFacts = { url: OWN_URL, isMainFrame: true };
/** Looks like a token a user pasted; it must never come back in an error message. */
const SECRET = 'kpat_5fQ9zR2wXyL7mN3vB8cD1eH4jK6tP0sA';

const account: Account = {
  id: 'acc-1',
  provider: 'kestra',
  label: 'Work',
  baseUrl: 'https://kestra.example.com',
  settings: {},
  createdAt: '2025-01-01T00:00:00.000Z',
  mode: 'api',
  tokenPageUrl: null,
};

const token: TokenInfo = {
  id: 'tok-1',
  accountId: 'acc-1',
  name: 'ci',
  prefix: 'kpat_5fQ',
  description: null,
  project: null,
  role: null,
  scopes: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  expiresAt: null,
  lastUsedAt: null,
  status: 'active',
  extended: false,
  hasSecret: true,
  isManagementCredential: false,
  source: 'service',
  lastVerifiedAt: null,
  leasedBy: null,
};

const inventory: AccountInventory = {
  accountId: 'acc-1',
  state: 'ok',
  asOf: '2025-01-01T00:00:00.000Z',
  stale: false,
  refreshing: false,
  error: null,
  leasedBy: null,
  tokens: [token],
};

const binding: PublishBinding = {
  id: 'pub-1',
  accountId: 'acc-1',
  tokenId: 'tok-1',
  target: { kind: 'dotenv', path: '~/app/.env', key: 'API_TOKEN' },
  description: 'API_TOKEN in ~/app/.env',
  createdAt: '2025-01-01T00:00:00.000Z',
  lastResult: null,
};

const rotation: RotationView = {
  rotationId: 'rot-1',
  accountId: 'acc-1',
  method: 'overlap',
  oldTokenId: 'tok-1',
  oldTokenName: 'ci',
  newTokenId: null,
  newTokenName: 'ci-r0123abcd',
  isManagementCredential: false,
  status: 'running',
  waitingFor: null,
  phase: 'working',
  steps: [],
  error: null,
  instruction: null,
  tokenPageUrl: null,
  publishResults: [],
  revealAvailable: false,
  canRetry: false,
  canCancel: false,
  startedAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  finishedAt: null,
};

const attentionSettings: AttentionSettings = {
  global: {
    expiryThresholdsDays: [30, 7, 1],
    neverUsedDays: 14,
    idleDays: 30,
    rotateEveryDays: null,
  },
  accounts: {},
};

function fakeTable() {
  return {
    'app:info': vi.fn<HandlerTable['app:info']>(() =>
      Promise.resolve({
        target: 'electron',
        version: '1.0.0',
        clipboard: 'main',
        clipboardClearSeconds: 30,
      }),
    ),
    'app:notices': vi.fn<HandlerTable['app:notices']>(() => Promise.resolve([])),
    'app:dismissNotice': vi.fn<HandlerTable['app:dismissNotice']>(() =>
      Promise.resolve({ dismissed: true }),
    ),
    'providers:list': vi.fn<HandlerTable['providers:list']>(() => Promise.resolve([])),
    'accounts:list': vi.fn<HandlerTable['accounts:list']>(() => Promise.resolve([account])),
    'accounts:add': vi.fn<HandlerTable['accounts:add']>(() => Promise.resolve(account)),
    'accounts:setCredential': vi.fn<HandlerTable['accounts:setCredential']>(() =>
      Promise.resolve(account),
    ),
    'accounts:remove': vi.fn<HandlerTable['accounts:remove']>(() =>
      Promise.resolve({ removed: true }),
    ),
    'tokens:inventory': vi.fn<HandlerTable['tokens:inventory']>(() => Promise.resolve([inventory])),
    'tokens:refresh': vi.fn<HandlerTable['tokens:refresh']>(() => Promise.resolve([inventory])),
    'tokens:create': vi.fn<HandlerTable['tokens:create']>(() =>
      Promise.resolve({ token, secret: SECRET }),
    ),
    'tokens:createReplacement': vi.fn<HandlerTable['tokens:createReplacement']>(() =>
      Promise.resolve({ token, secret: SECRET }),
    ),
    'tokens:revoke': vi.fn<HandlerTable['tokens:revoke']>(() => Promise.resolve({ revoked: true })),
    'tokens:rename': vi.fn<HandlerTable['tokens:rename']>(() => Promise.resolve({ renamed: true })),
    'tokens:setStatus': vi.fn<HandlerTable['tokens:setStatus']>(() =>
      Promise.resolve({ status: 'inactive' }),
    ),
    'tokens:track': vi.fn<HandlerTable['tokens:track']>(() => Promise.resolve(token)),
    'tokens:verify': vi.fn<HandlerTable['tokens:verify']>(() =>
      Promise.resolve({ works: true, checkedAt: '2025-01-01T00:00:00.000Z', problem: null }),
    ),
    'tokens:forget': vi.fn<HandlerTable['tokens:forget']>(() =>
      Promise.resolve({ forgotten: true }),
    ),
    'secrets:copy': vi.fn<HandlerTable['secrets:copy']>(() =>
      Promise.resolve({ clearsAfterSeconds: 30 }),
    ),
    'import:scan': vi.fn<HandlerTable['import:scan']>(() =>
      Promise.resolve({ candidates: [], problems: [] }),
    ),
    'import:apply': vi.fn<HandlerTable['import:apply']>(() =>
      Promise.resolve({ imported: [], failed: [] }),
    ),
    'rotation:start': vi.fn<HandlerTable['rotation:start']>(() =>
      Promise.resolve({ rotationId: 'rot-1' }),
    ),
    'rotation:list': vi.fn<HandlerTable['rotation:list']>(() => Promise.resolve([rotation])),
    'rotation:provideSecret': vi.fn<HandlerTable['rotation:provideSecret']>(() =>
      Promise.resolve(rotation),
    ),
    'rotation:confirmRevoked': vi.fn<HandlerTable['rotation:confirmRevoked']>(() =>
      Promise.resolve(rotation),
    ),
    'rotation:retry': vi.fn<HandlerTable['rotation:retry']>(() => Promise.resolve(rotation)),
    'rotation:cancel': vi.fn<HandlerTable['rotation:cancel']>(() => Promise.resolve(rotation)),
    'rotation:reveal': vi.fn<HandlerTable['rotation:reveal']>(() =>
      Promise.resolve({ secret: SECRET }),
    ),
    'publish:list': vi.fn<HandlerTable['publish:list']>(() => Promise.resolve([binding])),
    'publish:add': vi.fn<HandlerTable['publish:add']>(() => Promise.resolve(binding)),
    'publish:remove': vi.fn<HandlerTable['publish:remove']>(() =>
      Promise.resolve({ removed: true }),
    ),
    'publish:check': vi.fn<HandlerTable['publish:check']>(() => Promise.resolve({ drifted: 0 })),
    'publish:again': vi.fn<HandlerTable['publish:again']>(() => Promise.resolve([])),
    'publish:run': vi.fn<HandlerTable['publish:run']>(() =>
      Promise.resolve([
        { targetId: 'pub-1', ok: true, verifiedAt: '2025-01-01T00:00:00.000Z', error: null },
      ]),
    ),
    'attention:list': vi.fn<HandlerTable['attention:list']>(() =>
      Promise.resolve({ now: '2025-01-01T00:00:00.000Z', items: [], snoozedCount: 0 }),
    ),
    'attention:snooze': vi.fn<HandlerTable['attention:snooze']>(() =>
      Promise.resolve({ until: '2025-01-02T00:00:00.000Z' }),
    ),
    'attention:setReminder': vi.fn<HandlerTable['attention:setReminder']>(() =>
      Promise.resolve({ reminderAt: null }),
    ),
    'attention:settings': vi.fn<HandlerTable['attention:settings']>(() =>
      Promise.resolve(attentionSettings),
    ),
    'attention:setSettings': vi.fn<HandlerTable['attention:setSettings']>(() =>
      Promise.resolve(attentionSettings),
    ),
    'attention:timeline': vi.fn<HandlerTable['attention:timeline']>(() =>
      Promise.resolve({
        from: '2025-01-01T00:00:00.000Z',
        to: '2025-04-01T00:00:00.000Z',
        entries: [],
      }),
    ),
    'audit:list': vi.fn<HandlerTable['audit:list']>(() => Promise.resolve([])),
  } satisfies HandlerTable;
}

function fakeLogger() {
  return {
    info: vi.fn<Logger['info']>(),
    warn: vi.fn<Logger['warn']>(),
    error: vi.fn<Logger['error']>(),
  } satisfies Logger;
}

function setup() {
  const table = fakeTable();
  const log = fakeLogger();
  const isTrustedSender = vi.fn(
    (sender: SenderFacts) => sender.isMainFrame && sender.url === OWN_URL,
  );
  const onReply = vi.fn<(channel: string, envelope: Envelope<unknown>) => void>();
  const dispatch = createDispatcher(table, { isTrustedSender, log, onReply });
  return { table, log, isTrustedSender, onReply, dispatch };
}

function errorOf(envelope: Envelope<unknown>): { code: string; message: string } {
  if (envelope.ok) throw new Error(`expected a failure, got ${JSON.stringify(envelope)}`);
  return envelope.error;
}

function resultOf(envelope: Envelope<unknown>): unknown {
  if (!envelope.ok) throw new Error(`expected a success, got ${JSON.stringify(envelope)}`);
  return envelope.result;
}

function handlersCalled(table: ReturnType<typeof fakeTable>): number {
  return Object.values(table).reduce((sum, handler) => sum + handler.mock.calls.length, 0);
}

const validAdd = {
  provider: 'kestra',
  label: 'Work',
  baseUrl: 'https://kestra.example.com',
  settings: {},
  credential: 'a-management-token',
};

describe('createDispatcher', () => {
  it('calls the channel handler with the parsed arguments and returns its result', async () => {
    const { dispatch, table } = setup();

    const envelope = await dispatch('accounts:add', mainFrame, {
      ...validAdd,
      label: '  Work  ',
    });

    expect(resultOf(envelope)).toEqual(account);
    expect(table['accounts:add']).toHaveBeenCalledExactlyOnceWith({ ...validAdd, label: 'Work' });
  });

  it('treats missing arguments of a channel without arguments as {}', async () => {
    const { dispatch, table } = setup();

    const envelope = await dispatch('accounts:list', mainFrame, undefined);

    expect(resultOf(envelope)).toEqual([account]);
    expect(table['accounts:list']).toHaveBeenCalledExactlyOnceWith({});
  });

  it.each(['tokens:steal', '', '__proto__', 'constructor', 'hasOwnProperty', 'toString'])(
    'refuses the unknown channel %j',
    async (channel) => {
      const { dispatch, table, isTrustedSender } = setup();

      const envelope = await dispatch(channel, mainFrame, {});

      expect(errorOf(envelope)).toEqual({ code: 'VALIDATION', message: 'Unknown request.' });
      expect(isTrustedSender).not.toHaveBeenCalled();
      expect(handlersCalled(table)).toBe(0);
    },
  );

  it.each<[string, SenderFacts]>([
    ['a sub-frame of our page', { url: OWN_URL, isMainFrame: false }],
    ['a foreign page', { url: 'https://attacker.test/', isMainFrame: true }],
    ['a frame without a URL', { url: null, isMainFrame: true }],
  ])('refuses a request from %s before looking at its arguments', async (_who, sender) => {
    const { dispatch, table, log, isTrustedSender } = setup();

    const envelope = await dispatch('accounts:add', sender, { credential: SECRET, junk: true });

    expect(errorOf(envelope)).toEqual({
      code: 'SENDER_REJECTED',
      message: 'This request did not come from TokenDesk.',
    });
    expect(isTrustedSender).toHaveBeenCalledExactlyOnceWith(sender);
    expect(handlersCalled(table)).toBe(0);
    expect(log.warn).toHaveBeenCalledExactlyOnceWith(expect.any(String), {
      channel: 'accounts:add',
    });
    expect(JSON.stringify(log.warn.mock.calls)).not.toContain(SECRET);
  });

  describe('malformed arguments', () => {
    const malformed: [string, string, unknown][] = [
      ['a wrong type', 'accounts:add', { ...validAdd, credential: 42 }],
      ['a missing field', 'accounts:add', { ...validAdd, label: undefined }],
      ['an empty credential', 'accounts:add', { ...validAdd, credential: '   ' }],
      ['a huge credential', 'accounts:add', { ...validAdd, credential: SECRET.repeat(200) }],
      ['a secret as the provider', 'accounts:add', { ...validAdd, provider: SECRET }],
      ['an extra field', 'accounts:add', { ...validAdd, password: SECRET }],
      ['an extra field named like a secret', 'accounts:add', { ...validAdd, [SECRET]: true }],
      [
        'a settings value that is not text',
        'accounts:add',
        { ...validAdd, settings: { [SECRET]: 1 } },
      ],
      [
        'a settings key that is too long',
        'accounts:add',
        { ...validAdd, settings: { [SECRET.repeat(10)]: 'x' } },
      ],
      [
        'a __proto__ key',
        'accounts:add',
        JSON.parse(`{"provider":"kestra","label":"L","baseUrl":"u","settings":{},
          "credential":"c","__proto__":{"polluted":"${SECRET}"}}`),
      ],
      ['a constructor key', 'accounts:add', { ...validAdd, constructor: SECRET }],
      ['text instead of an object', 'accounts:add', SECRET],
      ['an array instead of an object', 'accounts:add', [SECRET]],
      ['arguments to a channel without any', 'accounts:list', { accountId: SECRET }],
      [
        'an unknown expiry kind',
        'tokens:create',
        { accountId: 'acc-1', name: 'ci', expiry: { kind: SECRET } },
      ],
      [
        'expiry days as text',
        'tokens:create',
        { accountId: 'acc-1', name: 'ci', expiry: { kind: 'days', days: SECRET } },
      ],
      ['a huge token id', 'tokens:revoke', { accountId: 'acc-1', tokenId: SECRET.repeat(50) }],
    ];

    it.each(malformed)('refuses %s without echoing the value', async (_what, channel, args) => {
      const { dispatch, table } = setup();

      const error = errorOf(await dispatch(channel, mainFrame, args));

      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(/^Invalid request\. /);
      expect(error.message).not.toContain(SECRET.slice(0, 12));
      expect(error.message.length).toBeLessThanOrEqual(500);
      expect(handlersCalled(table)).toBe(0);
    });

    it('names the field that is wrong', async () => {
      const { dispatch } = setup();

      const error = errorOf(await dispatch('accounts:add', mainFrame, { ...validAdd, label: '' }));

      expect(error.message).toBe('Invalid request. label: Give the account a name.');
    });

    it('names the declared field around a key the sender chose, not the key', async () => {
      const { dispatch } = setup();

      const unknownField = errorOf(
        await dispatch('accounts:add', mainFrame, { ...validAdd, x: 1 }),
      );
      const badSetting = errorOf(
        await dispatch('accounts:add', mainFrame, { ...validAdd, settings: { [SECRET]: 1 } }),
      );

      expect(unknownField.message).toBe('Invalid request. Unexpected field.');
      expect(badSetting.message).toMatch(/^Invalid request\. settings: /);
    });

    it('leaves Object.prototype alone when the arguments carry __proto__', async () => {
      const { dispatch } = setup();

      await dispatch(
        'accounts:add',
        mainFrame,
        JSON.parse('{"settings":{"__proto__":{"polluted":"yes"}},"__proto__":{"polluted":"yes"}}'),
      );

      expect(Object.prototype).not.toHaveProperty('polluted');
    });
  });

  it('strips fields the result schema does not declare before the reply leaves', async () => {
    const { dispatch, table } = setup();
    table['accounts:list'].mockResolvedValue([{ ...account, secret: SECRET } as Account]);
    table['tokens:inventory'].mockResolvedValue([
      { ...inventory, tokens: [{ ...token, secret: SECRET } as TokenInfo] },
    ]);

    const accounts = await dispatch('accounts:list', mainFrame, {});
    const inventories = await dispatch('tokens:inventory', mainFrame, {});

    expect(resultOf(accounts)).toEqual([account]);
    expect(resultOf(inventories)).toEqual([inventory]);
    expect(JSON.stringify([accounts, inventories])).not.toContain(SECRET);
  });

  it('passes on the code and message of an AppError, and nothing else', async () => {
    const { dispatch, table, log } = setup();
    table['tokens:revoke'].mockRejectedValue(
      new AppError('RATE_LIMITED', 'Kestra asks to slow down.', 30_000),
    );

    const envelope = await dispatch('tokens:revoke', mainFrame, {
      accountId: 'acc-1',
      tokenId: 'tok-1',
    });

    expect(envelope).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'Kestra asks to slow down.' },
    });
    expect(log.error).not.toHaveBeenCalled();
  });

  const rejecting = (error: Error) => () => Promise.reject(error);
  const throwing = (error: Error) => () => {
    throw error;
  };

  it.each([
    ['rejects', rejecting],
    ['throws synchronously', throwing],
  ])(
    'turns any other error into INTERNAL and logs it, when the handler %s',
    async (_how, failWith) => {
      const { dispatch, table, log } = setup();
      const thrown = new Error(`connect failed, Authorization: ${SECRET}`);
      table['accounts:list'].mockImplementation(failWith(thrown));

      const envelope = await dispatch('accounts:list', mainFrame, {});

      expect(envelope).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: 'Something went wrong. The details are in the log.' },
      });
      expect(log.error).toHaveBeenCalledExactlyOnceWith(expect.any(String), {
        channel: 'accounts:list',
        error: thrown,
      });
    },
  );

  it('turns a result that breaks its schema into INTERNAL and logs it', async () => {
    const { dispatch, table, log } = setup();
    table['accounts:list'].mockResolvedValue([{ ...account, label: 42 } as unknown as Account]);

    const envelope = await dispatch('accounts:list', mainFrame, {});

    expect(errorOf(envelope).code).toBe('INTERNAL');
    expect(log.error).toHaveBeenCalledOnce();
  });

  it('shows every envelope to onReply, exactly as it is returned', async () => {
    const { dispatch, table, onReply } = setup();
    table['tokens:revoke'].mockRejectedValueOnce(new AppError('NOT_FOUND', 'No such token.'));
    table['secrets:copy'].mockRejectedValueOnce(new Error('boom'));

    const replies: [string, Envelope<unknown>][] = [
      ['nope:nope', await dispatch('nope:nope', mainFrame, {})],
      ['accounts:list', await dispatch('accounts:list', { url: null, isMainFrame: false }, {})],
      ['accounts:add', await dispatch('accounts:add', mainFrame, {})],
      ['accounts:list', await dispatch('accounts:list', mainFrame, {})],
      [
        'tokens:revoke',
        await dispatch('tokens:revoke', mainFrame, { accountId: 'a', tokenId: 't' }),
      ],
      ['secrets:copy', await dispatch('secrets:copy', mainFrame, { accountId: 'a', tokenId: 't' })],
    ];

    expect(onReply.mock.calls).toEqual(replies);
    onReply.mock.calls.forEach(([, envelope], index) => {
      expect(envelope).toBe(replies[index]?.[1]);
    });
    expect(replies.map(([, envelope]) => envelope.ok)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
  });
});
