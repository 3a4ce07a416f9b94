import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Account } from '../../../shared/model';
import type { ServiceToken } from '../providers/provider-adapter';
import { writeFileAtomic } from '../storage/atomic-file';

export interface SeededDataDir {
  accounts: Account[];
}

/**
 * Writes the state files a user with many Kestra accounts would have (accounts.json and the
 * cached lists in inventory.json), as the app writes them, without going through a service:
 * what cold-start tests and the benchmark start from.
 */
export async function seedDataDir(
  dataDir: string,
  options: { accounts: number; tokensPerAccount: number; baseUrl?: (index: number) => string },
): Promise<SeededDataDir> {
  const asOf = '2026-06-01T00:00:00.000Z';
  const accounts: Account[] = Array.from({ length: options.accounts }, (_, i) => ({
    id: randomUUID(),
    provider: 'kestra',
    label: `Kestra ${i}`,
    baseUrl: options.baseUrl ? options.baseUrl(i) : `https://kestra-${i}.example.com/`,
    settings: { userId: 'alice', tenant: 'main' },
    createdAt: asOf,
    mode: 'api',
    tokenPageUrl: null,
  }));
  const cached = Object.fromEntries(
    accounts.map((account) => [
      account.id,
      {
        asOf,
        tokens: Array.from({ length: options.tokensPerAccount }, (_, n) => seededToken(n)),
        managementTokenId: null,
        revision: 1,
      },
    ]),
  );
  await writeFileAtomic(join(dataDir, 'accounts.json'), JSON.stringify({ version: 1, accounts }));
  await writeFileAtomic(
    join(dataDir, 'inventory.json'),
    JSON.stringify({ version: 1, accounts: cached }),
  );
  return { accounts };
}

function seededToken(n: number): ServiceToken {
  const created = Date.parse('2026-03-01T00:00:00.000Z') + n * 3600_000;
  return {
    id: `tok-${n}`,
    name: `token-${n}`,
    prefix: `tk${String(n).padStart(6, '0')}`,
    description: null,
    project: null,
    role: null,
    scopes: [],
    createdAt: new Date(created).toISOString(),
    expiresAt: new Date(created + 90 * 86_400_000).toISOString(),
    lastUsedAt: n % 3 === 0 ? null : new Date(created + 86_400_000).toISOString(),
    status: 'active',
    extended: false,
  };
}
