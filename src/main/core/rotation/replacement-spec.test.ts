import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../../shared/model';
import { kestraInfo } from '../providers/kestra/kestra.info';
import type { ServiceToken } from '../providers/provider-adapter';
import { createRequestOf, lifetimeOf, replacementFor } from './replacement-spec';

const kestra = kestraInfo.capabilities;
const NOW = new Date('2026-04-01T00:00:00.000Z');
const podstackLike: Capabilities = {
  ...kestra,
  expiryDays: [7, 30, 90, 180, 365],
  neverExpires: true,
  extended: false,
  description: false,
};

function token(fields: Partial<ServiceToken>): ServiceToken {
  return {
    id: 't1',
    name: 'ci',
    prefix: null,
    description: null,
    project: null,
    role: null,
    scopes: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt: null,
    lastUsedAt: null,
    status: 'active',
    extended: false,
    ...fields,
  };
}

describe('the replacement keeps what the old token had', () => {
  it('reads the lifetime back from creation and expiry dates', () => {
    expect(lifetimeOf(token({ expiresAt: '2026-01-31T00:00:00.000Z' }), kestra, NOW)).toEqual({
      kind: 'days',
      days: 30,
    });
    expect(lifetimeOf(token({}), kestra, NOW)).toEqual({ kind: 'never' });
  });

  it('counts an extended token from its last use, where its expiry slid to', () => {
    const extended = token({
      extended: true,
      lastUsedAt: '2026-03-01T00:00:00.000Z',
      expiresAt: '2026-03-08T00:00:00.000Z',
    });
    expect(lifetimeOf(extended, kestra, NOW)).toEqual({ kind: 'days', days: 7 });
  });

  it("fits the lifetime to the service's offered choices", () => {
    const odd = token({ expiresAt: '2026-02-20T00:00:00.000Z' });
    expect(lifetimeOf(odd, podstackLike, NOW)).toEqual({ kind: 'days', days: 30 });
    const noNever = { ...podstackLike, neverExpires: false };
    expect(lifetimeOf(token({}), noNever, NOW)).toEqual({ kind: 'days', days: 365 });
  });

  it('keeps description, extended, project, role and scopes, and sends only what is supported', () => {
    const old = token({
      description: 'CI',
      extended: true,
      project: 'web',
      role: 'Owner',
      scopes: ['api'],
      lastUsedAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-01-31T00:00:00.000Z',
    });
    const replacement = replacementFor(
      old,
      { name: 'ci-r0', description: 'CI' },
      kestra,
      NOW,
      null,
    );
    expect(replacement).toEqual({
      name: 'ci-r0',
      description: 'CI',
      expiry: { kind: 'days', days: 30 },
      extended: true,
      project: 'web',
      role: 'Owner',
      scopes: ['api'],
    });
    expect(createRequestOf(replacement, podstackLike)).toEqual({
      name: 'ci-r0',
      expiry: { kind: 'days', days: 30 },
      scopes: ['api'],
      role: 'Owner',
      project: 'web',
    });
  });

  it('never asks for an extended token that never expires', () => {
    const old = token({ extended: true });
    expect(replacementFor(old, { name: 'ci', description: null }, kestra, NOW, null).extended).toBe(
      false,
    );
  });
});
