import { describe, expect, it } from 'vitest';
import { account, guidedProvider, inventory, provider, token } from '../test/fixtures';
import {
  isFiltering,
  matchesService,
  matchesText,
  matchesToken,
  noFilters,
  projectChoices,
  serviceChoices,
  sortTokens,
} from './token-filters';

const names = (list: { name: string }[]): string[] => list.map((t) => t.name);

describe('matchesText', () => {
  it('matches name or prefix, ignoring case and surrounding space', () => {
    const t = token({ name: 'ci-deploy', prefix: 'kst_AB12' });
    expect(matchesText(t, '  DEPLOY ')).toBe(true);
    expect(matchesText(t, 'ab12')).toBe(true);
    expect(matchesText(t, 'backup')).toBe(false);
    expect(matchesText(token({ prefix: null }), 'kst')).toBe(false);
    expect(matchesText(t, '')).toBe(true);
  });
});

describe('matchesToken', () => {
  const web = token({ name: 'web-ci', project: 'web', status: 'active' });
  const api = token({ name: 'api-ci', project: 'api', status: 'expired' });
  const loose = token({ name: 'loose', project: null, status: 'active' });

  it('narrows by project and status together with the search text', () => {
    expect([web, api, loose].filter((t) => matchesToken(t, noFilters))).toHaveLength(3);
    expect(
      names([web, api, loose].filter((t) => matchesToken(t, { ...noFilters, project: 'web' }))),
    ).toEqual(['web-ci']);
    expect(
      names([web, api, loose].filter((t) => matchesToken(t, { ...noFilters, status: 'active' }))),
    ).toEqual(['web-ci', 'loose']);
    expect(
      names(
        [web, api, loose].filter((t) =>
          matchesToken(t, { ...noFilters, status: 'active', text: 'ci' }),
        ),
      ),
    ).toEqual(['web-ci']);
  });

  it('leaves the service to the account', () => {
    const kestra = account({ provider: 'kestra' });
    expect(matchesService(kestra, noFilters)).toBe(true);
    expect(matchesService(kestra, { ...noFilters, service: 'kestra' })).toBe(true);
    expect(matchesService(kestra, { ...noFilters, service: 'podstack' })).toBe(false);
  });

  it('knows when anything narrows the list', () => {
    expect(isFiltering(noFilters)).toBe(false);
    expect(isFiltering({ ...noFilters, text: '  ' })).toBe(false);
    expect(isFiltering({ ...noFilters, text: 'x' })).toBe(true);
    expect(isFiltering({ ...noFilters, status: 'revoked' })).toBe(true);
  });
});

describe('sortTokens', () => {
  const a = token({
    id: 'a',
    name: 'alpha',
    expiresAt: '2026-03-01T00:00:00Z',
    lastUsedAt: '2025-01-01T00:00:00Z',
  });
  const b = token({ id: 'b', name: 'bravo', expiresAt: null, lastUsedAt: '2025-06-01T00:00:00Z' });
  const c = token({
    id: 'c',
    name: 'charlie',
    expiresAt: '2026-01-01T00:00:00Z',
    lastUsedAt: null,
  });
  const d = token({ id: 'd', name: 'delta', expiresAt: 'not a date', lastUsedAt: null });
  const list = [d, c, b, a];

  it('sorts by name', () => {
    expect(names(sortTokens(list, 'name'))).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
  });

  it('sorts by expiry, soonest first, with no (or an unreadable) expiry last by name', () => {
    expect(names(sortTokens(list, 'expires'))).toEqual(['charlie', 'alpha', 'bravo', 'delta']);
  });

  it('sorts by last use, most recent first, with never-used tokens last by name', () => {
    expect(names(sortTokens(list, 'lastUsed'))).toEqual(['bravo', 'alpha', 'charlie', 'delta']);
  });

  it('returns a new array and leaves the input alone', () => {
    const sorted = sortTokens(list, 'name');
    expect(sorted).not.toBe(list);
    expect(names(list)).toEqual(['delta', 'charlie', 'bravo', 'alpha']);
  });
});

describe('choices', () => {
  it('offers each service the user has an account of, once, in the providers’ order', () => {
    const accounts = [
      account({ id: '1', provider: 'podstack' }),
      account({ id: '2', provider: 'kestra' }),
      account({ id: '3', provider: 'podstack' }),
      account({ id: '4', provider: 'gitlab' }),
    ];
    expect(serviceChoices(accounts, [provider(), guidedProvider()])).toEqual([
      { value: 'kestra', label: 'Kestra Enterprise' },
      { value: 'podstack', label: 'Podstack' },
      { value: 'gitlab', label: 'gitlab' },
    ]);
    expect(serviceChoices([], [provider()], 'kestra')).toEqual([
      { value: 'kestra', label: 'Kestra Enterprise' },
    ]);
  });

  it('offers the projects tokens belong to, sorted, and keeps the chosen one', () => {
    const entries = {
      a: inventory({
        accountId: 'a',
        tokens: [token({ project: 'web' }), token({ project: null }), token({ project: 'api' })],
      }),
      b: inventory({ accountId: 'b', tokens: [token({ project: 'web' })] }),
    };
    expect(projectChoices(entries, null)).toEqual(['api', 'web']);
    expect(projectChoices(entries, 'gone')).toEqual(['api', 'gone', 'web']);
  });
});
