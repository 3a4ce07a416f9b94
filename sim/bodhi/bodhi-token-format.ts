import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * Bodhi's token format (services/src/tokens/token_format.rs and token_service.rs):
 * `sk-bodhiapp_<random><checksum>.<client_id>` where random is 32 bytes base64url (43 chars),
 * checksum is CRC32(IEEE) of random, big-endian, base64url (6 chars), and the list shows only
 * `sk-bodhiapp_` + the first 8 characters of random.
 */
export const BODHI_TOKEN_PREFIX = 'sk-bodhiapp_';
const CHECKSUM_LENGTH = 6;
const PREFIX_CHARS = 8;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function tokenChecksum(random: string): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(crc32(random));
  return bytes.toString('base64url');
}

/** A new full token for the app whose OAuth client id is `clientId`. */
export function newBodhiToken(clientId: string): string {
  const random = randomBytes(32).toString('base64url');
  return `${BODHI_TOKEN_PREFIX}${random}${tokenChecksum(random)}.${clientId}`;
}

export type ParsedBodhiToken =
  { ok: true; tokenPrefix: string; clientId: string } | { ok: false; reason: string };

/** The offline checks Bodhi makes before it looks a token up (its validation steps 1–4). */
export function parseBodhiToken(token: string): ParsedBodhiToken {
  if (!token.startsWith(BODHI_TOKEN_PREFIX)) return { ok: false, reason: 'Token not found' };
  const rest = token.slice(BODHI_TOKEN_PREFIX.length);
  const dot = rest.lastIndexOf('.');
  if (dot === -1) return { ok: false, reason: 'Token missing client_id suffix' };
  const body = rest.slice(0, dot);
  const clientId = rest.slice(dot + 1);
  if (body.length < PREFIX_CHARS + CHECKSUM_LENGTH) return { ok: false, reason: 'Token too short' };
  const random = body.slice(0, -CHECKSUM_LENGTH);
  if (body.slice(-CHECKSUM_LENGTH) !== tokenChecksum(random)) {
    return { ok: false, reason: 'Invalid token checksum' };
  }
  return {
    ok: true,
    tokenPrefix: `${BODHI_TOKEN_PREFIX}${random.slice(0, PREFIX_CHARS)}`,
    clientId,
  };
}

/** Bodhi's row ids are ULIDs: 10 characters of time and 16 of randomness, Crockford base32. */
export function newUlid(nowMs: number): string {
  let time = '';
  let rest = nowMs;
  for (let i = 0; i < 10; i += 1) {
    time = CROCKFORD[rest % 32] + time;
    rest = Math.floor(rest / 32);
  }
  const random = [...randomBytes(16)].map((byte) => CROCKFORD[byte % 32]).join('');
  return time + random;
}
