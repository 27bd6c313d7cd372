import { readFileSync } from 'node:fs';
import { HubError } from '@hub/errors';
import { importJWK, type JWK } from 'jose';

/** The destination's private keys: one to decrypt submissions, one to sign its events. */
export interface DestinationKeys {
  readonly decryption: CryptoKey;
  readonly signing: { readonly privateKey: CryptoKey; readonly kid: string };
}

/**
 * Reads both private keys as JWK files (a key store mounts them as files). The key material is
 * never logged: errors name the variable and the file, never the content.
 */
export async function loadDestinationKeys(files: {
  readonly decryptionKeyFile: string;
  readonly signingKeyFile: string;
}): Promise<DestinationKeys> {
  const decryption = await privateKey(
    files.decryptionKeyFile,
    'RSA-OAEP-256',
    'DECRYPTION_KEY_FILE',
  );
  const signingJwk = readJwk(files.signingKeyFile, 'SIGNING_KEY_FILE');
  const signing = await privateKey(files.signingKeyFile, 'PS512', 'SIGNING_KEY_FILE');
  if (typeof signingJwk.kid !== 'string')
    throw invalidKey('SIGNING_KEY_FILE', 'the signing key needs a kid');
  return { decryption, signing: { privateKey: signing, kid: signingJwk.kid } };
}

async function privateKey(file: string, alg: string, variable: string): Promise<CryptoKey> {
  const jwk = readJwk(file, variable);
  if (jwk.kty !== 'RSA' || typeof jwk.d !== 'string')
    throw invalidKey(variable, 'must be a private RSA key as JWK');
  try {
    return (await importJWK(jwk, alg)) as CryptoKey;
  } catch {
    throw invalidKey(variable, `is no usable ${alg} key`);
  }
}

function readJwk(file: string, variable: string): JWK {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } catch {
    throw invalidKey(variable, `cannot read a JWK from ${file}`);
  }
}

function invalidKey(variable: string, reason: string): HubError {
  return new HubError('CONFIG_INVALID', `${variable}: ${reason}`, { retryable: false });
}
