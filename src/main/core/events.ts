import type { EventName, EventPayload } from '../../shared/contract';

/** Pushes an event to every open window (Electron) or event stream (browser target). */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
