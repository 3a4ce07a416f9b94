import { AppError } from '../../../shared/errors';
import { keptLifetime, lifetimeProblem } from '../../../shared/lifetime';
import type { Capabilities, Expiry } from '../../../shared/model';
import type { CreateTokenRequest, ServiceToken } from '../providers/provider-adapter';
import type { MarkedNaming } from './rotation-marker';
import type { Replacement } from './rotation-record';

/** The old token's lifetime from now, fitted to the service's choices (src/shared/lifetime.ts). */
export function lifetimeOf(token: ServiceToken, capabilities: Capabilities, now: Date): Expiry {
  return keptLifetime(token, capabilities, now).expiry;
}

/**
 * The old token's settings for its replacement. The lifetime is the old one's unless the user
 * chose another (checked against the service's choices before anything happens).
 */
export function replacementFor(
  token: ServiceToken,
  naming: MarkedNaming,
  capabilities: Capabilities,
  now: Date,
  chosen: Expiry | null,
): Replacement {
  if (chosen !== null) {
    const problem = lifetimeProblem(chosen, capabilities);
    if (problem !== null) throw new AppError('VALIDATION', problem);
  }
  const expiry = chosen ?? lifetimeOf(token, capabilities, now);
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
