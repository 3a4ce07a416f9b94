import { describe, expect, it } from 'vitest';
import { GitlabError } from './gitlab-errors';
import { queryTokens } from './gitlab-token-query';
import type { QueryableToken } from './gitlab-token-query';

const NOW = new Date('2025-06-15T12:00:00.000Z');

const tokens: QueryableToken[] = [
  {
    id: 1,
    name: 'CI deploy',
    createdAt: new Date('2025-01-01T00:00:00Z'),
    lastUsedAt: new Date('2025-06-14T00:00:00Z'),
    expiresAt: '2025-06-20',
    revoked: false,
  },
  {
    id: 2,
    name: 'laptop',
    createdAt: new Date('2025-03-01T00:00:00Z'),
    lastUsedAt: null,
    expiresAt: null,
    revoked: false,
  },
  {
    id: 3,
    name: 'old ci',
    createdAt: new Date('2024-06-01T00:00:00Z'),
    lastUsedAt: new Date('2025-01-01T00:00:00Z'),
    expiresAt: '2025-06-15',
    revoked: false,
  },
  {
    id: 4,
    name: 'rotated',
    createdAt: new Date('2025-05-01T00:00:00Z'),
    lastUsedAt: new Date('2025-05-02T00:00:00Z'),
    expiresAt: '2026-01-01',
    revoked: true,
  },
];

function ids(query: string): number[] {
  return queryTokens(tokens, new URLSearchParams(query), NOW).map((token) => token.id);
}

describe('GitLab token list filters', () => {
  it('lists every token by id when unfiltered', () => {
    expect(ids('')).toEqual([1, 2, 3, 4]);
  });

  it('splits active from inactive (revoked, or expired at 00:00 UTC of expires_at)', () => {
    expect(ids('state=active')).toEqual([1, 2]);
    expect(ids('state=inactive')).toEqual([3, 4]);
    expect(ids('revoked=true')).toEqual([4]);
    expect(ids('revoked=false')).toEqual([1, 2, 3]);
  });

  it('searches names case-insensitively', () => {
    expect(ids('search=CI')).toEqual([1, 3]);
  });

  it('compares dates the way GitLab does and skips tokens without the field', () => {
    expect(ids('created_after=2025-03-01')).toEqual([2, 4]);
    expect(ids('created_before=2025-01-01T00:00:00Z')).toEqual([1, 3]);
    expect(ids('last_used_before=2025-05-02')).toEqual([3, 4]);
    expect(ids('last_used_after=2025-06-01')).toEqual([1]);
    expect(ids('expires_before=2025-06-20')).toEqual([3]);
    expect(ids('expires_after=2025-06-20')).toEqual([1, 4]);
  });

  it('sorts by the documented keys with NULLs where Postgres puts them', () => {
    expect(ids('sort=expires_asc')).toEqual([3, 1, 4, 2]);
    expect(ids('sort=expires_desc')).toEqual([2, 4, 1, 3]);
    expect(ids('sort=last_used_desc')).toEqual([2, 1, 4, 3]);
    expect(ids('sort=name_asc')).toEqual([1, 2, 3, 4]);
    expect(ids('sort=created_desc')).toEqual([4, 2, 1, 3]);
    expect(ids('sort=bogus')).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ['state=expired', { error: 'state does not have a valid value' }],
    ['revoked=yes', { error: 'revoked is invalid' }],
    ['created_after=last+week', { error: 'created_after is invalid' }],
    ['expires_before=2025-06-20T00:00:00Z', { error: 'expires_before is invalid' }],
  ])('refuses %s with 400 %j', (query, body) => {
    try {
      ids(query);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GitlabError);
      expect(error).toMatchObject({ status: 400, body });
    }
  });
});
