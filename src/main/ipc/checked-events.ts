import { events, type EventName } from '../../shared/contract';
import type { EmitEvent } from '../core/events';

/** Sends one event to the renderer as the target does it: webContents.send, or a server-sent event. */
export type SendEvent = (event: EventName, payload: unknown) => void;

/**
 * The one door events leave main through. Every payload is parsed by its contract schema, so
 * only declared fields reach the renderer (a secret held in some object by mistake stays in
 * main), and a payload that breaks the contract is dropped and reported, by event name and
 * field paths only, never by value.
 */
export function checkedEvents(
  send: SendEvent,
  onRejected: (event: EventName, fields: string[]) => void,
): EmitEvent {
  return (event, payload) => {
    const parsed = events[event].safeParse(payload);
    if (!parsed.success) {
      onRejected(
        event,
        parsed.error.issues.map((issue) => issue.path.join('.') || '(payload)'),
      );
      return;
    }
    send(event, parsed.data);
  };
}
