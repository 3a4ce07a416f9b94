import { describe, expect, it, vi } from 'vitest';
import {
  channels,
  eventMethodName,
  eventNames,
  splitChannel,
  type Channel,
  type Envelope,
  type EventName,
  type Unsubscribe,
} from '../shared/contract';
import { decodeError } from '../shared/errors';
import { buildApi, type Transport } from './build-api';

type Method = (args?: unknown) => Promise<unknown>;
type Subscribe = (listener: unknown) => Unsubscribe;

function fakeTransport() {
  return {
    invoke: vi.fn<Transport['invoke']>(() => Promise.resolve({ ok: true, result: 'done' })),
    subscribe: vi.fn<Transport['subscribe']>(() => vi.fn<Unsubscribe>()),
  } satisfies Transport;
}

/** The api as the page sees it: plain nested objects, read without the static types. */
function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throw new Error('expected an object');
  return value as Record<string, unknown>;
}

function methodOf(api: unknown, channel: Channel): Method {
  const { domain, verb } = splitChannel(channel);
  const method = asRecord(asRecord(api)[domain])[verb];
  if (typeof method !== 'function') throw new Error(`api.${domain}.${verb} is not a function`);
  return method as Method;
}

function subscriptionOf(api: unknown, event: EventName): Subscribe {
  const subscribe = asRecord(asRecord(api)['events'])[eventMethodName(event)];
  if (typeof subscribe !== 'function') throw new Error(`no subscription for ${event}`);
  return subscribe as Subscribe;
}

/** What the contract says the api must look like: verbs per domain, and the event methods. */
function expectedShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const channel of channels) {
    const { domain, verb } = splitChannel(channel);
    (shape[domain] ??= []).push(verb);
  }
  shape['events'] = eventNames.map((event) => eventMethodName(event));
  return shape;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('buildApi', () => {
  it('has exactly one method per contract channel, grouped by domain, plus the events', () => {
    const api = asRecord(buildApi(fakeTransport()));

    const shape = Object.fromEntries(
      Object.entries(api).map(([group, methods]) => [group, Object.keys(asRecord(methods))]),
    );

    expect(shape).toEqual(expectedShape());
    for (const [group, names] of Object.entries(shape)) {
      for (const name of names) expect(typeof asRecord(api[group])[name]).toBe('function');
    }
  });

  it('offers no generic door to IPC at any level', () => {
    const api = asRecord(buildApi(fakeTransport()));
    const names = [
      ...Object.keys(api),
      ...Object.values(api).flatMap((group) => Object.keys(asRecord(group))),
    ];

    for (const door of ['invoke', 'send', 'sendSync', 'on', 'once', 'ipcRenderer', 'postMessage']) {
      expect(names).not.toContain(door);
    }
  });

  it('freezes the api and every group in it', () => {
    const api = asRecord(buildApi(fakeTransport()));

    expect(Object.isFrozen(api)).toBe(true);
    for (const group of Object.values(api)) expect(Object.isFrozen(group)).toBe(true);
    expect(() => {
      asRecord(api['tokens'])['create'] = () => Promise.resolve('hijacked');
    }).toThrow(TypeError);
  });

  it.each(channels)('%s invokes its own channel with the arguments given', async (channel) => {
    const transport = fakeTransport();
    const args = { marker: channel };

    const result = await methodOf(buildApi(transport), channel)(args);

    expect(transport.invoke).toHaveBeenCalledExactlyOnceWith(channel, args);
    expect(result).toBe('done');
  });

  it.each(channels)('%s sends {} when called without arguments', async (channel) => {
    const transport = fakeTransport();

    await methodOf(buildApi(transport), channel)();

    expect(transport.invoke).toHaveBeenCalledExactlyOnceWith(channel, {});
  });

  it('resolves with the result inside a successful envelope', async () => {
    const transport = fakeTransport();
    const envelope: Envelope<unknown> = { ok: true, result: { removed: true } };
    transport.invoke.mockResolvedValueOnce(envelope);

    const api = buildApi(transport);

    await expect(api.accounts.remove({ accountId: 'acc-1' })).resolves.toEqual({ removed: true });
  });

  it('rejects a failed envelope with "CODE: message" that decodeError reads back', async () => {
    const transport = fakeTransport();
    transport.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'AUTH_FAILED', message: 'Kestra refused the token.' },
    });

    const error = await rejectionOf(buildApi(transport).accounts.list());

    expect(error).toBeInstanceOf(Error);
    expect(error).toHaveProperty('message', 'AUTH_FAILED: Kestra refused the token.');
    expect(decodeError(error).code).toBe('AUTH_FAILED');
    expect(decodeError(error).message).toBe('Kestra refused the token.');
  });

  it('lets an unknown error code read back as INTERNAL', async () => {
    const transport = fakeTransport();
    transport.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'SOMETHING_NEW', message: 'whatever' },
    });

    const error = await rejectionOf(buildApi(transport).accounts.list());

    expect(decodeError(error).code).toBe('INTERNAL');
  });

  it.each(eventNames)('subscribes to %s and returns the unsubscribe function', (event) => {
    const transport = fakeTransport();
    const unsubscribe = vi.fn<Unsubscribe>();
    transport.subscribe.mockReturnValueOnce(unsubscribe);
    const listener = vi.fn();

    const returned = subscriptionOf(buildApi(transport), event)(listener);
    returned();

    expect(transport.subscribe).toHaveBeenCalledExactlyOnceWith(event, listener);
    expect(returned).toBe(unsubscribe);
    expect(unsubscribe).toHaveBeenCalledOnce();
  });

  it.each([undefined, null, 'alert(1)', { handleEvent: () => {} }])(
    'refuses %j as a listener',
    (listener) => {
      const transport = fakeTransport();
      const subscribe = subscriptionOf(buildApi(transport), 'inventory:changed');

      expect(() => subscribe(listener)).toThrow(TypeError);
      expect(transport.subscribe).not.toHaveBeenCalled();
    },
  );
});
