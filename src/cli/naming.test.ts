import { describe, expect, it } from 'vitest';
import type { Account, TokenInfo } from '../shared/model';
import { UsageError } from './cli-errors';
import { resolveAccount, resolveToken, type NamedToken } from './naming';

const account = (id: string, label: string): Account => ({
  id,
  label,
  provider: 'kestra',
  baseUrl: 'https://kestra.example',
  settings: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  mode: 'api',
  tokenPageUrl: null,
});

const token = (id: string, name: string, prefix: string | null): TokenInfo => ({
  id,
  accountId: 'a',
  name,
  prefix,
  description: null,
  project: null,
  role: null,
  scopes: [],
  createdAt: null,
  expiresAt: null,
  lastUsedAt: null,
  status: 'active',
  extended: false,
  hasSecret: true,
  isManagementCredential: false,
  source: 'service',
  lastVerifiedAt: null,
  leasedBy: null,
});

const prod = account('acc-1', 'GitLab acme/web');
const lab = account('acc-2', 'Lab');
const tokens: NamedToken[] = [
  { account: prod, token: token('tok-100', 'deploy', 'glpat-AbCd') },
  { account: lab, token: token('tok-200', 'deploy', 'glpat-XyZw') },
  { account: lab, token: token('tok-300', 'notebook', null) },
];

describe('naming a token on the command line', () => {
  it('finds a token by id, by account/name (labels may hold a slash) and by its name alone', () => {
    expect(resolveToken('tok-300', tokens).token.id).toBe('tok-300');
    expect(resolveToken('GitLab acme/web/deploy', tokens).token.id).toBe('tok-100');
    expect(resolveToken('lab/DEPLOY', tokens).token.id).toBe('tok-200');
    expect(resolveToken('acc-2/deploy', tokens).token.id).toBe('tok-200');
    expect(resolveToken('Notebook', tokens).token.id).toBe('tok-300');
  });

  it('finds a token by the start of its prefix or id, from three characters on', () => {
    expect(resolveToken('glpat-X', tokens).token.id).toBe('tok-200');
    expect(resolveToken('tok-1', tokens).token.id).toBe('tok-100');
    expect(() => resolveToken('to', tokens)).toThrow(UsageError);
  });

  it('lists every candidate of an ambiguous name, and refuses an unknown one', () => {
    expect(() => resolveToken('deploy', tokens)).toThrow(
      /matches 2 tokens[\s\S]*GitLab acme\/web\/deploy {2}\(id tok-100\)[\s\S]*Lab\/deploy {2}\(id tok-200\)/,
    );
    expect(() => resolveToken('glpat-', tokens)).toThrow(/matches 2 tokens/);
    expect(() => resolveToken('nothing', tokens)).toThrow(/No token is called "nothing"/);
  });

  it('finds an account by label, id or a unique start of either', () => {
    expect(resolveAccount('lab', [prod, lab]).id).toBe('acc-2');
    expect(resolveAccount('acc-1', [prod, lab]).id).toBe('acc-1');
    expect(resolveAccount('Git', [prod, lab]).id).toBe('acc-1');
    expect(() => resolveAccount('acc', [prod, lab])).toThrow(/matches 2 accounts/);
    expect(() => resolveAccount('nope', [prod, lab])).toThrow(/Accounts: GitLab acme\/web, Lab/);
  });
});
