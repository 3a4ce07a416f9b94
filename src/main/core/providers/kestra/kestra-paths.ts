import type { Account } from '../../../../shared/model';

/** Whose tokens: a user's now; a service account's once that issue lands. */
export type KestraOwner =
  | { kind: 'user'; userId: string }
  | { kind: 'service-account'; serviceAccountId: string; tenant: string | null };

/** `{baseUrl}/api/v1`, plus `/{tenant}` for the tenant-scoped routes (Terraform's apiRoot). */
export function apiRoot(account: Account, tenant: string | null): string {
  const root = `${account.baseUrl.replace(/\/+$/, '')}/api/v1`;
  return tenant === null ? root : `${root}/${encodeURIComponent(tenant)}`;
}

export function tokensUrl(account: Account, owner: KestraOwner): string {
  if (owner.kind === 'user') {
    // User tokens are superadmin-scoped in the OpenAPI spec: no tenant segment.
    return `${apiRoot(account, null)}/users/${encodeURIComponent(owner.userId)}/api-tokens`;
  }
  const id = encodeURIComponent(owner.serviceAccountId);
  return `${apiRoot(account, owner.tenant)}/service-accounts/${id}/api-tokens`;
}

export function tokenUrl(account: Account, owner: KestraOwner, tokenId: string): string {
  return `${tokensUrl(account, owner)}/${encodeURIComponent(tokenId)}`;
}

export function verifyUrl(account: Account, tenant: string | null): string {
  return `${apiRoot(account, tenant)}/flows/search?size=1`;
}
