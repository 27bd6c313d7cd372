import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JWK } from 'jose';
import type { PostboxConnectorConfig } from './config.js';
import type { Author } from './envelope/signed-envelope.js';

/** Injection token of the connector's `Author`: who signs the messages. */
export const AUTHOR = Symbol('postbox author');

const devAuthorKey = () =>
  fileURLToPath(import.meta.resolve('@hub/deploy-config/dev/postbox-author-key.jwk.json'));

export function authorOf(config: PostboxConnectorConfig): Author {
  return {
    sender: config.POSTBOX_SENDER,
    service: config.POSTBOX_SERVICE,
    storkQaaLevel: config.POSTBOX_STORK_QAA_LEVEL,
    privateKey: JSON.parse(readFileSync(config.AUTHOR_KEY_FILE ?? devAuthorKey(), 'utf8')) as JWK,
  };
}
