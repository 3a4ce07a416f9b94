import { describe, expect, it } from 'vitest';
import { account, inventory, provider, token } from '../test/fixtures';
import { groupTokens, matchesFilter } from './token-groups';

describe('matchesFilter', () => {
  it('matches name or prefix, ignoring case and surrounding space', () => {
    const t = token({ name: 'ci-deploy', prefix: 'kst_AB12' });
    expect(matchesFilter(t, '  DEPLOY ')).toBe(true);
    expect(matchesFilter(t, 'ab12')).toBe(true);
    expect(matchesFilter(t, 'backup')).toBe(false);
    expect(matchesFilter(token({ prefix: null }), 'kst')).toBe(false);
    expect(matchesFilter(t, '')).toBe(true);
  });
});

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
    filterText: '',
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
    const groups = groupTokens({ ...base, selectedAccountId: 'a', filterText: 'alp' });
    expect(groups).toHaveLength(1);
    const [a] = groups;
    expect(a === undefined ? null : [a.totalTokens, a.projects.length]).toEqual([2, 1]);
  });

  it('leaves the provider undefined when this build does not know it', () => {
    const [a] = groupTokens({ ...base, providers: [] });
    expect(a === undefined ? null : a.provider).toBeUndefined();
  });
});
