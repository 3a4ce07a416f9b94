import { TeraswitchApiError } from './teraswitch-envelope';

const DEFAULT_LIMIT = 100;

/** ASP.NET binds query parameters by name without regard to case: `Limit`, `limit`, `LIMIT`. */
export function queryValue(query: URLSearchParams, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of query) {
    if (key.toLowerCase() === wanted) return value;
  }
  return null;
}

/**
 * An optional int parameter; a value that does not bind is a 400 with a validation error, as
 * ASP.NET's model binding answers.
 */
export function intParam(query: URLSearchParams, name: string): number | null {
  const value = queryValue(query, name);
  if (value === null || value === '') return null;
  if (!/^-?\d{1,10}$/.test(value.trim())) {
    throw new TeraswitchApiError(400, 'One or more validation errors occurred.', [
      `The value '${value}' is not valid for ${name}.`,
    ]);
  }
  return Number(value.trim());
}

/** `skip` (default 0) and `limit` (default 100) of the v2 API's paged lists. */
export function pageParams(query: URLSearchParams): { limit: number; skip: number } {
  const limit = intParam(query, 'limit') ?? DEFAULT_LIMIT;
  const skip = intParam(query, 'skip') ?? 0;
  if (limit < 0 || skip < 0) {
    throw new TeraswitchApiError(400, 'One or more validation errors occurred.', [
      'limit and skip must not be negative.',
    ]);
  }
  return { limit, skip };
}
