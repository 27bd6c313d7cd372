import { createHash } from 'node:crypto';
import { CompactEncrypt, compactDecrypt, importJWK, type JWK } from 'jose';

/*
 * FIT-Connect encrypts metadata, data and every attachment separately as a JWE in compact
 * serialisation: key management RSA-OAEP-256 with the destination's public encryption key (4096
 * bit), content encryption A256GCM. Hashes in the metadata are SHA-512 over the plaintext.
 */
export const jweAlgorithms = { alg: 'RSA-OAEP-256', enc: 'A256GCM' } as const;

export async function encryptForDestination(
  publicKey: JWK,
  plaintext: Uint8Array,
): Promise<string> {
  const key = await importJWK(publicKey, jweAlgorithms.alg);
  return new CompactEncrypt(plaintext)
    .setProtectedHeader({ ...jweAlgorithms, kid: publicKey.kid, cty: 'application/json' })
    .encrypt(key);
}

/** Throws on a wrong key, a tampered ciphertext, or any other algorithm than the two above. */
export async function decryptWithDestinationKey(
  privateKey: CryptoKey,
  jwe: string,
): Promise<Uint8Array> {
  const { plaintext } = await compactDecrypt(jwe, privateKey, {
    keyManagementAlgorithms: [jweAlgorithms.alg],
    contentEncryptionAlgorithms: [jweAlgorithms.enc],
  });
  return plaintext;
}

export function sha512Hex(bytes: Uint8Array): string {
  return createHash('sha512').update(bytes).digest('hex');
}
