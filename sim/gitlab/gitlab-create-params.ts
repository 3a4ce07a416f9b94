import type { SimRequest } from '../common/sim-types';
import { badRequest, invalidParam, paramErrors } from './gitlab-errors';

export interface TokenParams {
  name: string;
  description: string | null;
  scopes: string[];
}

export function bodyOf(request: SimRequest): Record<string, unknown> {
  const { body } = request;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('Body must be an object');
  return body as Record<string, unknown>;
}

/**
 * Grape's checks of a token create body, shared by personal and project tokens: presence first
 * (all missing names at once), then values; `allowed` is the scopes this kind of token may hold.
 */
export function tokenParams(
  body: Record<string, unknown>,
  allowed: readonly string[],
): TokenParams {
  const missing = ['name', 'scopes'].filter((key) => body[key] === undefined || body[key] === null);
  if (missing.length > 0) throw paramErrors(missing.map((key) => `${key} is missing`));
  const { name, description, scopes } = body;
  if (typeof name !== 'string') throw invalidParam('name');
  if (name.trim() === '') throw badRequest("Name can't be blank");
  if (description !== undefined && description !== null && typeof description !== 'string') {
    throw invalidParam('description');
  }
  if (!Array.isArray(scopes)) throw invalidParam('scopes');
  if (scopes.length === 0) throw badRequest("Scopes can't be blank");
  if (!scopes.every((scope) => typeof scope === 'string' && allowed.includes(scope))) {
    throw invalidParam('scopes', 'does not have a valid value');
  }
  return {
    name,
    description: typeof description === 'string' ? description : null,
    scopes: scopes as string[],
  };
}
