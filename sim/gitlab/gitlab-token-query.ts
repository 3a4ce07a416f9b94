import { isExpired, parseDateOnly, parseDateTime, startOfDay } from './gitlab-dates';
import { invalidParam } from './gitlab-errors';

/** What the list filters read from a token. */
export interface QueryableToken {
  id: number;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: string | null;
  revoked: boolean;
}

type Predicate<T> = (token: T) => boolean;
type Compare<T> = (a: T, b: T) => number;

function dateTimeParam(query: URLSearchParams, name: string): number | null {
  const text = query.get(name);
  if (text === null) return null;
  const parsed = parseDateTime(text);
  if (parsed === null) throw invalidParam(name);
  return parsed.getTime();
}

function dateParam(query: URLSearchParams, name: string): number | null {
  const text = query.get(name);
  if (text === null) return null;
  const parsed = parseDateOnly(text);
  if (parsed === null) throw invalidParam(name);
  return startOfDay(parsed);
}

/** Postgres orders NULL last ascending and first descending; GitLab breaks ties by id desc. */
function byNullable<T extends QueryableToken>(
  read: (token: T) => number | null,
  descending: boolean,
): Compare<T> {
  return (a, b) => {
    const x = read(a);
    const y = read(b);
    if (x !== y) {
      if (x === null) return descending ? -1 : 1;
      if (y === null) return descending ? 1 : -1;
      return descending ? y - x : x - y;
    }
    return b.id - a.id;
  };
}

function sorter<T extends QueryableToken>(sort: string | null): Compare<T> {
  const expires = (token: T) => (token.expiresAt === null ? null : startOfDay(token.expiresAt));
  const lastUsed = (token: T) => token.lastUsedAt?.getTime() ?? null;
  switch (sort) {
    case 'created_asc':
      return (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
    case 'created_desc':
      return (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;
    case 'expires_asc':
      return byNullable<T>(expires, false);
    case 'expires_desc':
      return byNullable<T>(expires, true);
    case 'last_used_asc':
      return byNullable<T>(lastUsed, false);
    case 'last_used_desc':
      return byNullable<T>(lastUsed, true);
    case 'name_asc':
      return (a, b) => a.name.localeCompare(b.name) || a.id - b.id;
    case 'name_desc':
      return (a, b) => b.name.localeCompare(a.name) || a.id - b.id;
    default:
      // An unknown sort is ignored (Sortable#order_by), leaving the default `ORDER BY id`.
      return (a, b) => a.id - b.id;
  }
}

/**
 * The list filters shared by personal and project tokens (access_token_params in
 * PersonalAccessTokensHelpers), with GitLab's comparisons: created_* and last_used_* are
 * inclusive date-times, expires_before is `<` and expires_after `>=` a date; a token with no
 * expiry or never used matches no date filter on that field.
 */
export function queryTokens<T extends QueryableToken>(
  tokens: readonly T[],
  query: URLSearchParams,
  now: Date,
): T[] {
  const filters: Predicate<T>[] = [];
  const active = (token: T) => !token.revoked && !isExpired(token.expiresAt, now);

  const state = query.get('state');
  if (state !== null) {
    if (state !== 'active' && state !== 'inactive') {
      throw invalidParam('state', 'does not have a valid value');
    }
    filters.push((token) => active(token) === (state === 'active'));
  }
  const revoked = query.get('revoked');
  if (revoked !== null) {
    if (revoked !== 'true' && revoked !== 'false') throw invalidParam('revoked');
    filters.push((token) => token.revoked === (revoked === 'true'));
  }
  const search = query.get('search');
  if (search !== null) {
    const needle = search.toLowerCase();
    filters.push((token) => token.name.toLowerCase().includes(needle));
  }
  const createdBefore = dateTimeParam(query, 'created_before');
  if (createdBefore !== null) filters.push((token) => token.createdAt.getTime() <= createdBefore);
  const createdAfter = dateTimeParam(query, 'created_after');
  if (createdAfter !== null) filters.push((token) => token.createdAt.getTime() >= createdAfter);
  const usedBefore = dateTimeParam(query, 'last_used_before');
  if (usedBefore !== null) {
    filters.push((token) => token.lastUsedAt !== null && token.lastUsedAt.getTime() <= usedBefore);
  }
  const usedAfter = dateTimeParam(query, 'last_used_after');
  if (usedAfter !== null) {
    filters.push((token) => token.lastUsedAt !== null && token.lastUsedAt.getTime() >= usedAfter);
  }
  const expiresBefore = dateParam(query, 'expires_before');
  if (expiresBefore !== null) {
    filters.push(
      (token) => token.expiresAt !== null && startOfDay(token.expiresAt) < expiresBefore,
    );
  }
  const expiresAfter = dateParam(query, 'expires_after');
  if (expiresAfter !== null) {
    filters.push(
      (token) => token.expiresAt !== null && startOfDay(token.expiresAt) >= expiresAfter,
    );
  }

  return tokens
    .filter((token) => filters.every((keep) => keep(token)))
    .sort(sorter<T>(query.get('sort')));
}
