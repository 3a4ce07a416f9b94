import type { Clock } from '../core/clock';

/**
 * The app's clock moved by TOKENDESK_CLOCK_OFFSET_MS, for end-to-end tests that make tokens age
 * (they move the simulators' clocks by the same amount). Absent: the system clock, untouched.
 */
export function clockFromEnvironment(env: NodeJS.ProcessEnv): Clock | undefined {
  const raw = env['TOKENDESK_CLOCK_OFFSET_MS'];
  if (raw === undefined || raw.trim() === '') return undefined;
  const offset = Number(raw);
  if (!Number.isSafeInteger(offset)) {
    throw new Error('TOKENDESK_CLOCK_OFFSET_MS must be a whole number of milliseconds.');
  }
  return { now: () => new Date(Date.now() + offset) };
}
