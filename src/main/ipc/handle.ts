import type { z } from 'zod';
import {
  contract,
  type Channel,
  type ChannelResult,
  type Envelope,
  type ParsedArgs,
} from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Logger } from '../core/log/logger';

/** What we know about who sent a request: the frame's URL and whether it is the top frame. */
export interface SenderFacts {
  url: string | null;
  isMainFrame: boolean;
}

export type HandlerTable = {
  readonly [C in Channel]: (args: ParsedArgs<C>) => Promise<ChannelResult<C>>;
};

export type Dispatch = (
  channel: string,
  sender: SenderFacts,
  rawArgs: unknown,
) => Promise<Envelope<unknown>>;

export interface DispatchOptions {
  isTrustedSender: (sender: SenderFacts) => boolean;
  log: Logger;
  /** Sees every envelope that goes back to the renderer (leak tests record them). */
  onReply?: (channel: string, envelope: Envelope<unknown>) => void;
}

const isChannel = (value: string): value is Channel => Object.hasOwn(contract, value);

/**
 * The single door into main. Every request is checked in the same order: a known channel,
 * a trusted sender, arguments that parse; then one core call; then the result is passed through
 * its schema so that only declared fields leave. It never throws: failures become
 * `{ ok: false, error: { code, message } }` with a message fit for the user.
 */
export function createDispatcher(table: HandlerTable, options: DispatchOptions): Dispatch {
  const reply = (channel: string, envelope: Envelope<unknown>): Envelope<unknown> => {
    options.onReply?.(channel, envelope);
    return envelope;
  };

  return async (channel, sender, rawArgs) => {
    if (!isChannel(channel)) {
      return reply(channel, failure(new AppError('VALIDATION', 'Unknown request.')));
    }
    if (!options.isTrustedSender(sender)) {
      options.log.warn('request from an untrusted sender refused', { channel });
      return reply(
        channel,
        failure(new AppError('SENDER_REJECTED', 'This request did not come from TokenDesk.')),
      );
    }
    const spec = contract[channel];
    const parsed = spec.args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      return reply(channel, failure(new AppError('VALIDATION', describeIssues(parsed.error))));
    }
    try {
      const handler = table[channel] as (args: unknown) => Promise<unknown>;
      const result = (spec.result as z.ZodType).parse(await handler(parsed.data));
      return reply(channel, { ok: true, result });
    } catch (error) {
      if (error instanceof AppError) return reply(channel, failure(error));
      options.log.error('request failed unexpectedly', { channel, error });
      return reply(
        channel,
        failure(new AppError('INTERNAL', 'Something went wrong. The details are in the log.')),
      );
    }
  };
}

function failure(error: AppError): Envelope<never> {
  return { ok: false, error: error.toInfo() };
}

/**
 * Names the field and what is wrong, never a value: a value may be a secret. Nor a key the
 * sender chose (an unknown field, a key inside `settings`), which zod would quote and which may
 * be a pasted secret too: only the top-level field is named, and since every args schema is a
 * strict object, that is always a field the contract declares.
 */
function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path[0];
    const where = typeof field === 'string' ? `${field}: ` : '';
    const what = issue.code === 'unrecognized_keys' ? 'Unexpected field.' : issue.message;
    return `${where}${what}`;
  });
  return `Invalid request. ${parts.join('; ')}`.slice(0, 500);
}
