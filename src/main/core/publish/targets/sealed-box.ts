import sodium from 'libsodium-wrappers';
import { AppError } from '../../../../shared/errors';

/**
 * GitHub's encryption for Actions secrets: a libsodium sealed box (X25519 + XSalsa20-Poly1305,
 * anonymous sender) to the repository's public key, base64 in the original variant. Only GitHub
 * holds the private key, so the value is readable nowhere between here and the runner.
 */
export async function sealToPublicKey(secret: string, publicKeyBase64: string): Promise<string> {
  await sodium.ready;
  let publicKey: Uint8Array;
  try {
    publicKey = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  } catch {
    publicKey = new Uint8Array();
  }
  if (publicKey.length !== sodium.crypto_box_PUBLICKEYBYTES) {
    throw new AppError(
      'BAD_RESPONSE',
      'GitHub sent a public key TokenDesk cannot use to encrypt the secret; nothing was sent.',
    );
  }
  const sealed = sodium.crypto_box_seal(sodium.from_string(secret), publicKey);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}
