import type { Api } from '../../../shared/contract';
import { decodeError, type AppError } from '../../../shared/errors';

/**
 * The renderer's only door to main. The preload (Electron) or web-preload (browser target)
 * defines `window.api` before any page script runs, so reading it once here is safe.
 */
export const api: Api = window.api;

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * Runs an api call and hands back an AppError instead of a rejection: the preload rejects
 * with `Error("CODE: message")` because error classes do not survive the contextBridge.
 */
export async function attempt<T>(run: (client: Api) => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run(api) };
  } catch (error) {
    return { ok: false, error: decodeError(error) };
  }
}

/** Like `attempt`, for callers that prefer a throw: always rejects with an AppError. */
export async function call<T>(run: (client: Api) => Promise<T>): Promise<T> {
  const outcome = await attempt(run);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
