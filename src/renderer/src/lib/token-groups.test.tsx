import { describe, expect, it } from 'vitest';
import { account, inventory, provider, token } from '../test/fixtures';
import { noFilters } from './token-filters';
import { groupTokens } from './token-groups';

describe('groupTokens', () => {
  const accounts = [account({ id: 'a', label: 'A' }), account({ id: 'b', label: 'B' })];
  const base = {
    accounts,
    providers: [provider()],
    inventory: {
      a: inventory({
        accountId: 'a',
        tokens: [
          token({ id: '1', accountId: 'a', name: 'zeta', project: 'p' }),
          token({ id: '2', accountId: 'a', name: 'alpha', project: 'p' }),
        ],
      }),
    },
    selectedAccountId: null,
    filters: noFilters,
    sort: 'name' as const,
  };

  it('keeps every account, even one without inventory yet', () => {
    const groups = groupTokens(base);
    expect(groups.map((g) => g.account.id)).toEqual(['a', 'b']);
    const [, b] = groups;
    expect(b === undefined ? null : b.inventory).toBeUndefined();
  });

  it('sorts tokens by name within a project', () => {
    const [a] = groupTokens(base);
    const project = a === undefined ? undefined : a.projects[0];
    expect(project === undefined ? [] : project.tokens.map((t) => t.name)).toEqual([
      'alpha',
      'zeta',
    ]);
  });

  it('narrows to the selected account and counts tokens before filtering', () => {
    const groups = groupTokens({
      ...base,
      selectedAccountId: 'a',
      filters: { ...noFilters, text: 'alp' },
    });
    expect(groups).toHaveLength(1);
    const [a] = groups;
    expect(a === undefined ? null : [a.totalTokens, a.projects.length]).toEqual([2, 1]);
  });

  it('leaves the provider undefined when this build does not know it', () => {
    const [a] = groupTokens({ ...base, providers: [] });
    expect(a === undefined ? null : a.provider).toBeUndefined();
  });

  it('leaves out accounts of another service, keeps the rest even when nothing matches', () => {
    const pod = account({ id: 'p', label: 'P', provider: 'podstack' });
    const input = { ...base, accounts: [...accounts, pod] };
    const kestraOnly = groupTokens({ ...input, filters: { ...noFilters, service: 'kestra' } });
    expect(kestraOnly.map((g) => g.account.id)).toEqual(['a', 'b']);

    const revoked = groupTokens({ ...input, filters: { ...noFilters, status: 'revoked' } });
    expect(revoked.map((g) => [g.account.id, g.projects.length])).toEqual([
      ['a', 0],
      ['b', 0],
      ['p', 0],
    ]);
  });

  it('sorts within each project by the chosen key', () => {
    const [a] = groupTokens({
      ...base,
      inventory: {
        a: inventory({
          accountId: 'a',
          tokens: [
            token({ id: '1', accountId: 'a', name: 'later', expiresAt: '2030-01-01T00:00:00Z' }),
            token({ id: '2', accountId: 'a', name: 'never', expiresAt: null }),
            token({ id: '3', accountId: 'a', name: 'soon', expiresAt: '2026-01-01T00:00:00Z' }),
          ],
        }),
      },
      sort: 'expires',
    });
    const project = a === undefined ? undefined : a.projects[0];
    expect(project === undefined ? [] : project.tokens.map((t) => t.name)).toEqual([
      'soon',
      'later',
      'never',
    ]);
  });
});
