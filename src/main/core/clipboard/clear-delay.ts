export const DEFAULT_CLIPBOARD_CLEAR_SECONDS = 20;
export const CLEAR_SECONDS_VARIABLE = 'TOKENDESK_CLIPBOARD_CLEAR_SECONDS';
const MIN_SECONDS = 5;
const MAX_SECONDS = 600;

export type ClearDelay = { seconds: number; problem: null } | { seconds: number; problem: string };

/**
 * How long a copied secret stays on the clipboard, from the user's setting. A value that is not
 * a whole number of seconds in range falls back to the default and says why: a typo must not
 * leave a secret on the clipboard for ever, nor clear it before it can be pasted.
 */
export function clearDelayFrom(env: NodeJS.ProcessEnv): ClearDelay {
  const raw = env[CLEAR_SECONDS_VARIABLE]?.trim();
  if (raw === undefined || raw === '') {
    return { seconds: DEFAULT_CLIPBOARD_CLEAR_SECONDS, problem: null };
  }
  const seconds = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isInteger(seconds) && seconds >= MIN_SECONDS && seconds <= MAX_SECONDS) {
    return { seconds, problem: null };
  }
  return {
    seconds: DEFAULT_CLIPBOARD_CLEAR_SECONDS,
    problem: `${CLEAR_SECONDS_VARIABLE} must be a whole number of seconds from ${MIN_SECONDS} to ${MAX_SECONDS}; using ${DEFAULT_CLIPBOARD_CLEAR_SECONDS}.`,
  };
}
