import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../../shared/model';
import { kestraInfo } from '../providers/kestra/kestra.info';
import type { ServiceToken } from '../providers/provider-adapter';
import { carriesMarker, markedNaming, markerOf } from './rotation-marker';

const kestra = kestraInfo.capabilities;
const strict: Capabilities = {
  ...kestra,
  nameRule: { pattern: '^[A-Za-z ]{1,40}$', hint: 'letters and spaces' },
};

function token(name: string, description: string | null = null): ServiceToken {
  return {
    id: 't1',
    name,
    prefix: null,
    description,
    project: null,
    role: null,
    scopes: [],
    createdAt: null,
    expiresAt: null,
    lastUsedAt: null,
    status: 'active',
    extended: false,
  };
}

describe('rotation marker', () => {
  const marker = markerOf('0A1b2C3d-4e5f-6789-abcd-ef0123456789');

  it('is r + 8 lowercase hex digits of the rotation id', () => {
    expect(marker).toBe('r0a1b2c3d');
  });

  it("goes into the name where the service's rule allows it, replacing an earlier marker", () => {
    expect(markedNaming('ci-deploy', 'CI', marker, kestra)).toEqual({
      name: 'ci-deploy-r0a1b2c3d',
      description: 'CI',
    });
    expect(markedNaming('ci-deploy-rffffffff', null, marker, kestra).name).toBe(
      'ci-deploy-r0a1b2c3d',
    );
  });

  it('keeps a long name within 63 characters and still kebab-case', () => {
    const long = `${'a'.repeat(52)}-bcdefghijk`;
    const { name } = markedNaming(long, null, marker, kestra);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(new RegExp(kestra.nameRule?.pattern ?? '').test(name)).toBe(true);
    expect(name.endsWith(`-${marker}`)).toBe(true);
  });

  it('falls back to the description when the name cannot carry it', () => {
    const naming = markedNaming('Deploy Bot', 'Deploys', marker, strict);
    expect(naming).toEqual({
      name: 'Deploy Bot',
      description: 'Deploys (TokenDesk rotation r0a1b2c3d)',
    });
    expect(carriesMarker(token(naming.name, naming.description), marker)).toBe(true);
    expect(carriesMarker(token('Deploy Bot', 'Deploys'), marker)).toBe(false);
  });

  it('keeps the old name and description when neither can carry it', () => {
    const bare = { ...strict, description: false };
    expect(markedNaming('Deploy Bot', null, marker, bare)).toEqual({
      name: 'Deploy Bot',
      description: null,
    });
  });

  it('recognises the marker in a listed name only at its end', () => {
    expect(carriesMarker(token('ci-deploy-r0a1b2c3d'), marker)).toBe(true);
    expect(carriesMarker(token('ci-deploy-r0a1b2c3d-x'), marker)).toBe(false);
    expect(carriesMarker(token('ci-deploy-rffffffff'), marker)).toBe(false);
  });
});
