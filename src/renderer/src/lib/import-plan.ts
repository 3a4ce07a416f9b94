import type { Account, ImportCandidate, ProviderInfo } from '../../../shared/model';

/** One found credential as the user shapes it in the preview, before anything is stored. */
export interface ImportRow {
  candidate: ImportCandidate;
  selected: boolean;
  accountId: string;
  name: string;
  role: string;
}

export type ImportResult =
  { kind: 'imported'; tokenName: string } | { kind: 'failed'; message: string };

export interface ImportBatch {
  accountId: string;
  items: Array<{ candidateId: string; name: string; role?: string }>;
}

/**
 * Found credentials are kept as tokens of a guided account: an account with a token API lists
 * its tokens itself, and the core refuses to track into one.
 */
export function importTargets(accounts: readonly Account[], candidate: ImportCandidate): Account[] {
  return accounts.filter((a) => a.provider === candidate.provider && a.mode === 'guided');
}

/** A credential TokenDesk already tracks is left unchecked, so importing twice takes intent. */
export function initialRows(
  candidates: readonly ImportCandidate[],
  accounts: readonly Account[],
): ImportRow[] {
  return candidates.map((candidate) => {
    const [target] = importTargets(accounts, candidate);
    return {
      candidate,
      selected: !candidate.alreadyTracked && target !== undefined,
      accountId: target === undefined ? '' : target.id,
      name: candidate.suggestedName,
      role: '',
    };
  });
}

export function rolesFor(
  providers: readonly ProviderInfo[],
  candidate: ImportCandidate,
): readonly string[] {
  const provider = providers.find((p) => p.kind === candidate.provider);
  return provider === undefined ? [] : provider.capabilities.roles;
}

/** What keeps a selected row from being imported, in words; null when it is ready. */
export function rowProblem(row: ImportRow, roles: readonly string[]): string | null {
  if (row.accountId === '') return 'Choose an account.';
  if (row.name.trim() === '') return 'Give the token a name.';
  if (roles.length > 0 && row.role === '') return 'Choose a role.';
  return null;
}

/** `import.apply` takes one account per call: the selected rows, grouped by account. */
export function importBatches(rows: readonly ImportRow[]): ImportBatch[] {
  const batches = new Map<string, ImportBatch>();
  for (const row of rows) {
    if (!row.selected) continue;
    const batch = batches.get(row.accountId) ?? { accountId: row.accountId, items: [] };
    batch.items.push({
      candidateId: row.candidate.id,
      name: row.name.trim(),
      ...(row.role === '' ? {} : { role: row.role }),
    });
    batches.set(row.accountId, batch);
  }
  return [...batches.values()];
}

/** Why a found credential has no account to go to, and what the user can do about it. */
export function noTargetHint(provider: ProviderInfo | undefined, serviceName: string): string {
  // A service with a token API lists its tokens itself: there is nothing to track by hand.
  if (provider !== undefined && !provider.capabilities.track) {
    return `Not tracked by hand: add a ${serviceName} account to list its tokens.`;
  }
  return `Add a guided ${serviceName} account first.`;
}
