import { randomInt } from 'node:crypto';
import sodium from 'libsodium-wrappers';

/**
 * A repository's (or environment's) Actions key pair, as GitHub keeps one: the public half is
 * served with its key id, the private half opens the sealed boxes clients send.
 */
export interface SimKeyPair {
  keyId: string;
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

/** libsodium must be ready before any key is made; the simulator awaits this at start. */
export function sodiumReady(): Promise<void> {
  return sodium.ready;
}

export function newKeyPair(): SimKeyPair {
  const { publicKey, privateKey } = sodium.crypto_box_keypair();
  // GitHub's key ids are long decimal strings.
  const keyId = `${randomInt(1, 9)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e9)).padStart(9, '0')}`;
  return { keyId, publicKey, privateKey };
}

export function publicKeyBase64(pair: SimKeyPair): string {
  return sodium.to_base64(pair.publicKey, sodium.base64_variants.ORIGINAL);
}

/** The plaintext of a sealed box, or null when it was not sealed to this pair (or is not base64). */
export function openSealedBox(pair: SimKeyPair, encryptedBase64: string): string | null {
  try {
    const sealed = sodium.from_base64(encryptedBase64, sodium.base64_variants.ORIGINAL);
    return sodium.to_string(sodium.crypto_box_seal_open(sealed, pair.publicKey, pair.privateKey));
  } catch {
    return null;
  }
}

/** What a client does: seal `plaintext` to a base64 public key (for tests of the simulator). */
export function sealTo(publicKey: string, plaintext: string): string {
  const key = sodium.from_base64(publicKey, sodium.base64_variants.ORIGINAL);
  return sodium.to_base64(
    sodium.crypto_box_seal(sodium.from_string(plaintext), key),
    sodium.base64_variants.ORIGINAL,
  );
}
