import type { Account } from '../../../../shared/model';
import type { KestraSettings } from './kestra-settings';

/** `{baseUrl}/api/v1`, plus `/{tenant}` for the tenant-scoped routes (Terraform's apiRoot). */
export function apiRoot(account: Account, tenant: string | null): string {
  const root = `${account.baseUrl.replace(/\/+$/, '')}/api/v1`;
  return tenant === null ? root : `${root}/${encodeURIComponent(tenant)}`;
}

export function tokensUrl(account: Account, settings: KestraSettings): string {
  const { owner } = settings;
  if (owner.kind === 'user') {
    // User tokens are superadmin-scoped in the OpenAPI spec: no tenant segment.
    return `${apiRoot(account, null)}/users/${encodeURIComponent(owner.userId)}/api-tokens`;
  }
  // Service accounts live in a tenant; the route without one is the superadmin variant.
  const id = encodeURIComponent(owner.serviceAccountId);
  return `${apiRoot(account, settings.tenant)}/service-accounts/${id}/api-tokens`;
}

export function tokenUrl(account: Account, settings: KestraSettings, tokenId: string): string {
  return `${tokensUrl(account, settings)}/${encodeURIComponent(tokenId)}`;
}

export function verifyUrl(account: Account, tenant: string | null): string {
  return `${apiRoot(account, tenant)}/flows/search?size=1`;
}
