import { isValid, parseISO } from 'date-fns';
import type {
  Account,
  AccountInventory,
  ProviderInfo,
  ProviderKind,
  TokenInfo,
  TokenStatus,
} from '../../../shared/model';

/** What the toolbar narrows the inventory to; null means "all". */
export interface TokenFilters {
  text: string;
  service: ProviderKind | null;
  project: string | null;
  status: TokenStatus | null;
}

export type TokenSort = 'name' | 'expires' | 'lastUsed';

export const noFilters: TokenFilters = { text: '', service: null, project: null, status: null };

export const sortLabels: Record<TokenSort, string> = {
  name: 'Name',
  expires: 'Expires (soonest first)',
  lastUsed: 'Last used (most recent first)',
};

export const statusLabels: Record<TokenStatus, string> = {
  active: 'Active',
  inactive: 'Inactive',
  expired: 'Expired',
  revoked: 'Revoked',
};

export function matchesText(token: TokenInfo, filterText: string): boolean {
  const needle = filterText.trim().toLowerCase();
  if (needle === '') return true;
  if (token.name.toLowerCase().includes(needle)) return true;
  return token.prefix !== null && token.prefix.toLowerCase().includes(needle);
}

/** The token-level filters; the service filter applies to whole accounts (`matchesService`). */
export function matchesToken(token: TokenInfo, filters: TokenFilters): boolean {
  if (filters.project !== null && token.project !== filters.project) return false;
  if (filters.status !== null && token.status !== filters.status) return false;
  return matchesText(token, filters.text);
}

export function matchesService(account: Account, filters: TokenFilters): boolean {
  return filters.service === null || account.provider === filters.service;
}

/** Any filter narrows the list, so an empty group means "nothing matches", not "no tokens". */
export function isFiltering(filters: TokenFilters): boolean {
  return (
    filters.text.trim() !== '' ||
    filters.service !== null ||
    filters.project !== null ||
    filters.status !== null
  );
}

/** Services report dates we cannot always read; an unreadable one sorts like a missing one. */
function timeOf(iso: string | null): number | null {
  if (iso === null) return null;
  const date = parseISO(iso);
  return isValid(date) ? date.getTime() : null;
}

/** Missing values go last whichever way the column sorts: "never" is not "soonest". */
function compareTimes(a: number | null, b: number | null, direction: 1 | -1): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * direction;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byName = (a: TokenInfo, b: TokenInfo): number => collator.compare(a.name, b.name);

/** The time a column sorts by; dates are parsed once per sort, not once per comparison. */
function sortTime(sort: Exclude<TokenSort, 'name'>, token: TokenInfo): number | null {
  return timeOf(sort === 'expires' ? token.expiresAt : token.lastUsedAt);
}

/** A new sorted array; the store's lists are never reordered in place. */
export function sortTokens(tokens: readonly TokenInfo[], sort: TokenSort): TokenInfo[] {
  if (sort === 'name') return [...tokens].sort(byName);
  const direction = sort === 'expires' ? 1 : -1;
  return tokens
    .map((token) => ({ token, time: sortTime(sort, token) }))
    .sort((a, b) => compareTimes(a.time, b.time, direction) || byName(a.token, b.token))
    .map(({ token }) => token);
}

export interface Choice<T extends string> {
  value: T;
  label: string;
}

/**
 * The services of the accounts the user has, once each, in the providers' order; the chosen
 * one stays offered after its last account is removed.
 */
export function serviceChoices(
  accounts: readonly Account[],
  providers: readonly ProviderInfo[],
  current: ProviderKind | null = null,
): Choice<ProviderKind>[] {
  const present = new Set(accounts.map((a) => a.provider));
  if (current !== null) present.add(current);
  const known = providers.filter((p) => present.has(p.kind));
  const knownKinds = new Set(known.map((p) => p.kind));
  // An account of a service this build does not describe still gets a choice, by its kind.
  const unknown = [...present].filter((kind) => !knownKinds.has(kind));
  return [
    ...known.map((p) => ({ value: p.kind, label: p.name })),
    ...unknown.map((kind) => ({ value: kind, label: kind })),
  ];
}

/**
 * The projects tokens belong to, sorted. A chosen project stays offered after a refresh
 * drops its last token, so the select never shows a value it has no option for.
 */
export function projectChoices(
  inventory: Readonly<Record<string, AccountInventory>>,
  current: string | null,
): string[] {
  const projects = new Set<string>();
  for (const entry of Object.values(inventory)) {
    for (const token of entry.tokens) if (token.project !== null) projects.add(token.project);
  }
  if (current !== null) projects.add(current);
  return [...projects].sort((a, b) => a.localeCompare(b));
}
