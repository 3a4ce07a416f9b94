import type { Capabilities, Expiry } from '../../../shared/model';
import type { CreateTokenRequest, ServiceToken } from '../providers/provider-adapter';
import type { MarkedNaming } from './rotation-marker';
import type { Replacement } from './rotation-record';

const DAY_MS = 24 * 3600_000;

/**
 * The lifetime the old token was given. Services list an expiry date, not the lifetime chosen
 * at creation, so it is read back from the dates: for an extended (sliding) token the expiry
 * moved with its last use, otherwise it counts from creation. Rounded to whole days, then fitted
 * to the service's offered choices.
 */
export function lifetimeOf(token: ServiceToken, capabilities: Capabilities): Expiry {
  const choices = capabilities.expiryDays;
  if (token.expiresAt === null) {
    if (capabilities.neverExpires) return { kind: 'never' };
    return { kind: 'days', days: choices === null ? 365 : Math.max(...choices) };
  }
  const base = token.extended && token.lastUsedAt !== null ? token.lastUsedAt : token.createdAt;
  const from = base === null ? Number.NaN : Date.parse(base);
  const to = Date.parse(token.expiresAt);
  let days = Number.isNaN(from) || Number.isNaN(to) ? 30 : Math.round((to - from) / DAY_MS);
  days = Math.min(3650, Math.max(1, days));
  if (choices !== null && choices.length > 0) {
    days = choices.reduce((best, choice) =>
      Math.abs(choice - days) < Math.abs(best - days) ? choice : best,
    );
  }
  return { kind: 'days', days };
}

export function replacementFor(
  token: ServiceToken,
  naming: MarkedNaming,
  capabilities: Capabilities,
): Replacement {
  const expiry = lifetimeOf(token, capabilities);
  return {
    name: naming.name,
    description: naming.description,
    expiry,
    // An extended token needs an expiry to slide; one that never expires cannot be extended.
    extended: capabilities.extended && token.extended && expiry.kind === 'days',
    project: token.project,
    role: token.role,
    scopes: token.scopes,
  };
}

/** The create request: only what the service supports, so the adapter never refuses a field. */
export function createRequestOf(
  replacement: Replacement,
  capabilities: Capabilities,
): CreateTokenRequest {
  return {
    name: replacement.name,
    expiry: replacement.expiry,
    ...(capabilities.description && replacement.description !== null
      ? { description: replacement.description }
      : {}),
    ...(capabilities.extended ? { extended: replacement.extended } : {}),
    ...(replacement.scopes.length > 0 ? { scopes: replacement.scopes } : {}),
    ...(replacement.role === null ? {} : { role: replacement.role }),
    ...(replacement.project === null ? {} : { project: replacement.project }),
  };
}
