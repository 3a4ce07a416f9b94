import { randomBytes, randomUUID } from 'node:crypto';

/**
 * `Authorization: Bearer tokenId:secret` (v2 OpenAPI). The id's form is not documented; a UUID
 * fits a dashboard that shows it only partially. The secret is 32 random bytes, base64url, so it
 * never contains the `:` that separates it from the id.
 */
export const TERASWITCH_TOKEN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const TERASWITCH_SECRET = /^[A-Za-z0-9_-]{16,128}$/;

const PARTIAL_LENGTH = 8;

export function newTeraswitchTokenId(): string {
  return randomUUID();
}

export function newTeraswitchSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The Token Id column: the first 8 characters and an ellipsis, e.g. `3f2a9c1e…`. */
export function partialId(tokenId: string): string {
  return `${tokenId.slice(0, PARTIAL_LENGTH)}…`;
}

/** Splits a bearer value at its first `:`; null when it is not `tokenId:secret`. */
export function parseCredential(credential: string): { tokenId: string; secret: string } | null {
  const colon = credential.indexOf(':');
  if (colon <= 0 || colon === credential.length - 1) return null;
  return { tokenId: credential.slice(0, colon), secret: credential.slice(colon + 1) };
}
