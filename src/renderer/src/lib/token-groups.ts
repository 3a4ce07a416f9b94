import type { Account, AccountInventory, ProviderInfo, TokenInfo } from '../../../shared/model';

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
  /** How many tokens the account has before the search filter. */
  totalTokens: number;
}

export interface GroupInput {
  accounts: Account[];
  providers: ProviderInfo[];
  inventory: Record<string, AccountInventory>;
  selectedAccountId: string | null;
  filterText: string;
}

export function matchesFilter(token: TokenInfo, filterText: string): boolean {
  const needle = filterText.trim().toLowerCase();
  if (needle === '') return true;
  if (token.name.toLowerCase().includes(needle)) return true;
  return token.prefix !== null && token.prefix.toLowerCase().includes(needle);
}

const byName = (a: TokenInfo, b: TokenInfo): number => a.name.localeCompare(b.name);

function groupByProject(tokens: TokenInfo[]): ProjectGroup[] {
  const groups = new Map<string | null, TokenInfo[]>();
  for (const token of tokens) {
    const list = groups.get(token.project);
    if (list) list.push(token);
    else groups.set(token.project, [token]);
  }
  return [...groups.entries()]
    .map(([project, list]) => ({ project, tokens: list.sort(byName) }))
    .sort((a, b) => {
      // Tokens without a project come last, after the named projects.
      if (a.project === null) return 1;
      if (b.project === null) return -1;
      return a.project.localeCompare(b.project);
    });
}

/** Accounts in their registered order, each with its matching tokens grouped by project. */
export function groupTokens(input: GroupInput): AccountGroup[] {
  const accounts =
    input.selectedAccountId === null
      ? input.accounts
      : input.accounts.filter((a) => a.id === input.selectedAccountId);
  return accounts.map((account) => {
    const inventory = input.inventory[account.id];
    const all = inventory === undefined ? [] : inventory.tokens;
    const shown = all.filter((t) => matchesFilter(t, input.filterText));
    return {
      account,
      provider: input.providers.find((p) => p.kind === account.provider),
      inventory,
      hasProjects: all.some((t) => t.project !== null),
      projects: groupByProject(shown),
      totalTokens: all.length,
    };
  });
}
