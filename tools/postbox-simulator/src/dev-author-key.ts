import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JWK } from 'jose';

/** A JWK from `deploy/config/dev` (committed development keys; see its README). */
export function devKey(name: string): JWK {
  const file = fileURLToPath(import.meta.resolve(`@hub/deploy-config/dev/${name}`));
  return JSON.parse(readFileSync(file, 'utf8')) as JWK;
}

/** The public half of the connector's development author key: what `npm start` trusts. */
export const devAuthorPublicKey = (): JWK => devKey('postbox-author-public-key.jwk.json');
