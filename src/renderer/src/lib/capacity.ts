import type { AccountInventory, ProviderInfo } from '../../../shared/model';

export interface Capacity {
  active: number;
  max: number;
  /** No room for another active token: the service refuses a new one until one is revoked. */
  full: boolean;
  text: string;
  tip: string;
}

/**
 * How close an account is to its service's limit of active tokens (Podstack allows 5). Counts
 * the tokens TokenDesk knows of, before any filter; null when the service has no limit or the
 * account's list has not arrived yet.
 */
export function capacityOf(
  provider: ProviderInfo | undefined,
  inventory: AccountInventory | undefined,
): Capacity | null {
  if (provider === undefined || inventory === undefined) return null;
  const max = provider.capabilities.maxActive;
  if (max === null) return null;
  const active = inventory.tokens.filter((t) => t.status === 'active').length;
  return {
    active,
    max,
    full: active >= max,
    text: `${active} of ${max} active tokens`,
    tip: `${provider.name} allows ${max} active tokens. Revoke one in its dashboard before creating another.`,
  };
}
