import {
  channels,
  eventMethodName,
  eventNames,
  splitChannel,
  type Api,
  type Envelope,
  type EventName,
  type Unsubscribe,
} from '../shared/contract';
import { encodeErrorMessage } from '../shared/errors';

export interface Transport {
  invoke(channel: string, args: unknown): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): Unsubscribe;
}

/**
 * Builds `window.api` from the contract: one method per channel, each bound to its own
 * channel, and one `onX` per event. There is deliberately no generic invoke/send/on: a script
 * injected into the page could otherwise reach any channel it likes.
 */
export function buildApi(transport: Transport): Api {
  const domains: Record<string, Record<string, unknown>> = {};
  for (const channel of channels) {
    const { domain, verb } = splitChannel(channel);
    const group = (domains[domain] ??= {});
    group[verb] = async (args?: unknown): Promise<unknown> => {
      const envelope = await transport.invoke(channel, args ?? {});
      if (envelope.ok) return envelope.result;
      // Errors crossing the contextBridge keep only their message, so the code travels in it.
      throw new Error(
        encodeErrorMessage({
          code: envelope.error.code as Parameters<typeof encodeErrorMessage>[0]['code'],
          message: envelope.error.message,
        }),
      );
    };
  }
  const events: Record<string, unknown> = {};
  for (const event of eventNames) {
    events[eventMethodName(event)] = (listener: (payload: unknown) => void): Unsubscribe => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return transport.subscribe(event, listener);
    };
  }
  const api: Record<string, unknown> = { events: Object.freeze(events) };
  for (const [domain, methods] of Object.entries(domains)) api[domain] = Object.freeze(methods);
  return Object.freeze(api) as unknown as Api;
}
