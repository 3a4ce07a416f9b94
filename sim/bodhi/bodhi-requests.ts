import { badJson, invalidField } from './bodhi-errors';
import { BODHI_TOKEN_SCOPES } from './bodhi.types';
import type { BodhiTokenScope, BodhiTokenStatus } from './bodhi.types';

/**
 * Bodhi's request types as its ValidatedJson extractor checks them: a body that does not
 * deserialize is `json_rejection_error`, a field outside its limits is `validation_errors`,
 * both 400.
 */

const DEFAULT_PAGE_SIZE = 30;
const MAX_PAGE_SIZE = 100;

function objectBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badJson('expected a JSON object');
  }
  return body as Record<string, unknown>;
}

function isScope(value: unknown): value is BodhiTokenScope {
  return (BODHI_TOKEN_SCOPES as readonly unknown[]).includes(value);
}

/** The simulator's login body: `{username, password}`. */
export function loginRequest(body: unknown): { username: unknown; password: unknown } {
  const { username, password } = objectBody(body);
  return { username, password };
}

/** CreateTokenRequest: `{name?: string (≤ 100), scope}`; `scope` is one string, not a list. */
export function createTokenRequest(body: unknown): { name: string; scope: BodhiTokenScope } {
  const { name, scope } = objectBody(body);
  if (scope === undefined || scope === null) throw badJson('missing field `scope`');
  if (!isScope(scope)) {
    throw badJson(
      `unknown variant ${JSON.stringify(scope)}, expected one of ${BODHI_TOKEN_SCOPES.join(', ')}`,
    );
  }
  if (name !== undefined && name !== null && typeof name !== 'string') {
    throw badJson('invalid type for field `name`, expected a string');
  }
  if (typeof name === 'string' && name.length > 100) {
    throw invalidField('name: must be at most 100 characters');
  }
  return { name: typeof name === 'string' ? name : '', scope };
}

/** UpdateTokenRequest: `{name (3–100), status}`, both required. */
export function updateTokenRequest(body: unknown): { name: string; status: BodhiTokenStatus } {
  const { name, status } = objectBody(body);
  if (typeof name !== 'string') throw badJson('missing field `name`');
  if (status !== 'active' && status !== 'inactive') {
    throw badJson('missing or invalid field `status`, expected active or inactive');
  }
  if (name.length < 3 || name.length > 100) {
    throw invalidField('name: must be between 3 and 100 characters');
  }
  return { name, status };
}

function pageParam(query: URLSearchParams, name: string, fallback: number): number {
  const text = query.get(name);
  if (text === null || text === '') return fallback;
  if (!/^\d+$/.test(text)) throw invalidField(`${name}: invalid digit found in string`);
  return Number(text);
}

/** PaginationSortParams: `page` from 1 (default 1), `page_size` default 30, clamped to 100. */
export function pageRequest(query: URLSearchParams): { page: number; pageSize: number } {
  return {
    page: Math.max(1, pageParam(query, 'page', 1)),
    pageSize: Math.max(
      1,
      Math.min(MAX_PAGE_SIZE, pageParam(query, 'page_size', DEFAULT_PAGE_SIZE)),
    ),
  };
}
