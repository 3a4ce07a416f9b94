import type { Account, AccountInventory, ProviderKind, TokenStatus } from '../shared/model';
import { fullName, namedTokens } from './naming';
import type { Column } from './format';
import { day } from './format';

/** One token as `list` and `export` show it: metadata only, never a secret. */
export interface InventoryRow {
  name: string;
  account: string;
  accountId: string;
  service: ProviderKind;
  project: string | null;
  token: string;
  id: string;
  prefix: string | null;
  status: TokenStatus;
  role: string | null;
  createdAt: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastVerifiedAt: string | null;
  hasSecret: boolean;
  managesAccount: boolean;
  /** When this account's list was last fetched from the service. */
  asOf: string | null;
  /** The latest refresh of this account failed: the list is the last good one. */
  stale: boolean;
}

export interface RowFilters {
  accountId?: string;
  service?: ProviderKind;
  project?: string;
  status?: TokenStatus;
  expiringWithinDays?: number;
  idleOverDays?: number;
}

const DAY_MS = 24 * 3600_000;

export function inventoryRows(
  accounts: readonly Account[],
  inventories: readonly AccountInventory[],
  now: Date,
): InventoryRow[] {
  return namedTokens(accounts, inventories).map((named) => {
    const { account, token } = named;
    const inventory = inventories.find((entry) => entry.accountId === account.id);
    return {
      name: fullName(named),
      account: account.label,
      accountId: account.id,
      service: account.provider,
      project: token.project,
      token: token.name,
      id: token.id,
      prefix: token.prefix,
      status: effectiveStatus(token.status, token.expiresAt, now),
      role: token.role,
      createdAt: token.createdAt,
      expiresAt: token.expiresAt,
      lastUsedAt: token.lastUsedAt,
      lastVerifiedAt: token.lastVerifiedAt,
      hasSecret: token.hasSecret,
      managesAccount: token.isManagementCredential,
      asOf: inventory === undefined ? null : inventory.asOf,
      stale: inventory !== undefined && inventory.stale,
    };
  });
}

/** A list fetched before the expiry still says "active"; the clock says otherwise. */
function effectiveStatus(status: TokenStatus, expiresAt: string | null, now: Date): TokenStatus {
  if (status !== 'active' || expiresAt === null) return status;
  return Date.parse(expiresAt) <= now.getTime() ? 'expired' : status;
}

export function filterRows(
  rows: readonly InventoryRow[],
  filters: RowFilters,
  now: Date,
): InventoryRow[] {
  return rows.filter(
    (row) =>
      (filters.accountId === undefined || row.accountId === filters.accountId) &&
      (filters.service === undefined || row.service === filters.service) &&
      (filters.project === undefined || row.project === filters.project) &&
      (filters.status === undefined || row.status === filters.status) &&
      (filters.expiringWithinDays === undefined ||
        expiresWithin(row, filters.expiringWithinDays, now)) &&
      (filters.idleOverDays === undefined || idleOver(row, filters.idleOverDays, now)),
  );
}

/** Expired ones too: a job that asks "what expires within 14 days" must not miss what already did. */
function expiresWithin(row: InventoryRow, days: number, now: Date): boolean {
  if (row.expiresAt === null || row.status === 'revoked') return false;
  return Date.parse(row.expiresAt) <= now.getTime() + days * DAY_MS;
}

/** No use (or successful check by TokenDesk) for `days`; a never-used token counts from creation. */
function idleOver(row: InventoryRow, days: number, now: Date): boolean {
  const since = row.lastUsedAt ?? row.lastVerifiedAt ?? row.createdAt;
  if (since === null || row.status === 'revoked') return false;
  return now.getTime() - Date.parse(since) > days * DAY_MS;
}

const text = (value: string | null): string => value ?? '';

export const tableColumns: readonly Column<InventoryRow>[] = [
  { header: 'token', value: (row) => row.name },
  { header: 'service', value: (row) => row.service },
  { header: 'project', value: (row) => row.project ?? '-' },
  { header: 'prefix', value: (row) => row.prefix ?? '-' },
  { header: 'status', value: (row) => row.status },
  { header: 'expires', value: (row) => (row.expiresAt === null ? 'never' : day(row.expiresAt)) },
  { header: 'last used', value: (row) => day(row.lastUsedAt) },
  { header: 'secret', value: (row) => (row.hasSecret ? 'stored' : '-') },
];

export const csvColumns: readonly Column<InventoryRow>[] = [
  { header: 'account', value: (row) => row.account },
  { header: 'account_id', value: (row) => row.accountId },
  { header: 'service', value: (row) => row.service },
  { header: 'project', value: (row) => text(row.project) },
  { header: 'token', value: (row) => row.token },
  { header: 'id', value: (row) => row.id },
  { header: 'prefix', value: (row) => text(row.prefix) },
  { header: 'status', value: (row) => row.status },
  { header: 'role', value: (row) => text(row.role) },
  { header: 'created_at', value: (row) => text(row.createdAt) },
  { header: 'expires_at', value: (row) => text(row.expiresAt) },
  { header: 'last_used_at', value: (row) => text(row.lastUsedAt) },
  { header: 'last_verified_at', value: (row) => text(row.lastVerifiedAt) },
  { header: 'has_secret', value: (row) => String(row.hasSecret) },
  { header: 'manages_account', value: (row) => String(row.managesAccount) },
  { header: 'as_of', value: (row) => text(row.asOf) },
  { header: 'stale', value: (row) => String(row.stale) },
];
