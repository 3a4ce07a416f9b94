import type { Account, AccountInventory, ProviderInfo, TokenInfo } from '../../../shared/model';
import {
  matchesService,
  matchesToken,
  sortTokens,
  type TokenFilters,
  type TokenSort,
} from './token-filters';

export interface ProjectGroup {
  /** null collects the tokens that belong to no project. */
  project: string | null;
  tokens: TokenInfo[];
}

export interface AccountGroup {
  account: Account;
  /** Missing when the provider is unknown to this build: no actions are offered then. */
  provider: ProviderInfo | undefined;
  /** Missing until main has reported on the account at least once. */
  inventory: AccountInventory | undefined;
  /** Whether project header rows are worth showing: some token belongs to a project. */
  hasProjects: boolean;
  projects: ProjectGroup[];
  /** How many tokens the account has before the filters. */
  totalTokens: number;
}

export interface GroupInput {
  accounts: Account[];
  providers: ProviderInfo[];
  inventory: Record<string, AccountInventory>;
  selectedAccountId: string | null;
  filters: TokenFilters;
  sort: TokenSort;
}

function groupByProject(tokens: TokenInfo[], sort: TokenSort): ProjectGroup[] {
  const groups = new Map<string | null, TokenInfo[]>();
  for (const token of tokens) {
    const list = groups.get(token.project);
    if (list) list.push(token);
    else groups.set(token.project, [token]);
  }
  return [...groups.entries()]
    .map(([project, list]) => ({ project, tokens: sortTokens(list, sort) }))
    .sort((a, b) => {
      // Tokens without a project come last, after the named projects.
      if (a.project === null) return 1;
      if (b.project === null) return -1;
      return a.project.localeCompare(b.project);
    });
}

/**
 * Accounts in their registered order, each with its matching tokens grouped by project and
 * sorted within each project. Accounts of another service than the chosen one are left out;
 * the others stay even when no token matches, so their state is always in view.
 */
export function groupTokens(input: GroupInput): AccountGroup[] {
  const accounts = input.accounts.filter(
    (a) =>
      (input.selectedAccountId === null || a.id === input.selectedAccountId) &&
      matchesService(a, input.filters),
  );
  return accounts.map((account) => {
    const inventory = input.inventory[account.id];
    const all = inventory === undefined ? [] : inventory.tokens;
    const shown = all.filter((t) => matchesToken(t, input.filters));
    return {
      account,
      provider: input.providers.find((p) => p.kind === account.provider),
      inventory,
      hasProjects: all.some((t) => t.project !== null),
      projects: groupByProject(shown, input.sort),
      totalTokens: all.length,
    };
  });
}
