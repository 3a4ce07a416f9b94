import { describe, expect, it } from 'vitest';
import { newBodhiToken, newUlid, parseBodhiToken, tokenChecksum } from './bodhi-token-format';

describe("Bodhi's token format", () => {
  it('mints sk-bodhiapp_ + 43 random + 6 checksum characters + .client_id', () => {
    const token = newBodhiToken('resource-abc');
    expect(token).toMatch(/^sk-bodhiapp_[A-Za-z0-9_-]{49}\.resource-abc$/);
    const random = token.slice('sk-bodhiapp_'.length, 'sk-bodhiapp_'.length + 43);
    expect(token.slice(12 + 43, 12 + 49)).toBe(tokenChecksum(random));
  });

  it('computes the checksum as CRC32 of the random part, big-endian base64url', () => {
    // CRC32("123456789") = 0xCBF43926, the standard check value.
    expect(tokenChecksum('123456789')).toBe(Buffer.from('cbf43926', 'hex').toString('base64url'));
  });

  it('parses a token into its listed prefix and client id', () => {
    const token = newBodhiToken('resource-abc');
    expect(parseBodhiToken(token)).toEqual({
      ok: true,
      tokenPrefix: token.slice(0, 'sk-bodhiapp_'.length + 8),
      clientId: 'resource-abc',
    });
  });

  it('refuses tokens that fail the offline checks, with Bodhi’s reasons', () => {
    const token = newBodhiToken('c');
    const tampered = `${token.slice(0, 15)}${token[15] === 'A' ? 'B' : 'A'}${token.slice(16)}`;
    expect(parseBodhiToken(tampered)).toEqual({ ok: false, reason: 'Invalid token checksum' });
    expect(parseBodhiToken(token.slice(0, -2))).toEqual({
      ok: false,
      reason: 'Token missing client_id suffix',
    });
    expect(parseBodhiToken('sk-bodhiapp_abc.c')).toEqual({ ok: false, reason: 'Token too short' });
    expect(parseBodhiToken('bodhiapp_whatever.c')).toEqual({
      ok: false,
      reason: 'Token not found',
    });
  });

  it('makes 26-character ULIDs that sort by time', () => {
    const early = newUlid(1_700_000_000_000);
    const late = newUlid(1_700_000_000_001);
    expect(early).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(early.slice(0, 10) < late.slice(0, 10)).toBe(true);
  });
});
