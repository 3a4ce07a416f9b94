import type { TokenInfo } from '../src/shared/model';
import { matchesToken, noFilters, sortTokens } from '../src/renderer/src/lib/token-filters';
import { bestTime, type BenchLine } from './measure';

const DAY_MS = 86_400_000;

function tokens(count: number): TokenInfo[] {
  const now = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => ({
    id: `tok-${i}`,
    accountId: `acc-${i % 20}`,
    name: `token-${(i * 7919) % count}`,
    prefix: `pfx${i.toString(36)}`,
    project: i % 3 === 0 ? 'prod' : 'dev',
    scopes: [],
    role: null,
    description: null,
    createdAt: new Date(now - (i % 300) * DAY_MS).toISOString(),
    expiresAt: i % 5 === 0 ? null : new Date(now + ((i * 31) % 365) * DAY_MS).toISOString(),
    lastUsedAt: i % 4 === 0 ? null : new Date(now - ((i * 13) % 90) * DAY_MS).toISOString(),
    status: 'active',
    extended: false,
    hasSecret: false,
    isManagementCredential: false,
    source: 'service',
    lastVerifiedAt: null,
    leasedBy: null,
  })) as unknown as TokenInfo[];
}

/** One keystroke in the search box: filter, then sort by expiry. */
function keystroke(list: TokenInfo[]): void {
  const filters = { ...noFilters, text: 'token-1' };
  sortTokens(
    list.filter((token) => matchesToken(token, filters)),
    'expires',
  );
}

/** A keystroke over 20,000 tokens must cost about 10× one over 2,000 (no worse than n log n). */
export async function listScaling(): Promise<BenchLine> {
  const small = tokens(2_000);
  const large = tokens(20_000);
  const smallMs = await bestTime(() => keystroke(small), 20);
  const largeMs = await bestTime(() => keystroke(large), 20);
  const perTokenRatio = largeMs / 20_000 / (smallMs / 2_000);
  return {
    name: 'search + sort by expiry, cost per token at 20,000 tokens ÷ at 2,000',
    figures: `${smallMs.toFixed(2)} ms for 2,000, ${largeMs.toFixed(2)} ms for 20,000`,
    ratio: perTokenRatio,
    target: { atMost: 3 },
  };
}
