import { z } from 'zod';
import { kitConfigSchema } from '@hub/kit';
import { storkQaaLevels } from '@hub/zbp';

/** The connector's environment: the kit's plus the postbox it writes to and who it writes as. */
export const postboxConnectorConfigSchema = kitConfigSchema.extend({
  SERVICE_NAME: kitConfigSchema.shape.SERVICE_NAME.default('postbox-connector').describe(
    'Service name: consumer groups are `<service>.<handler>`.',
  ),
  POSTBOX_URL: z
    .url()
    .default('http://127.0.0.1:8099/')
    .describe('Base URL of the citizen postbox (ZBP) API (locally: the postbox simulator).'),
  POSTBOX_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(10_000)
    .describe('Deadline of one postbox call; a timeout is retried.'),
  AUTHOR_KEY_FILE: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Private JWK (ES256) that signs the author token; unset: `deploy/config/dev/postbox-author-key.jwk.json`.',
    ),
  POSTBOX_SENDER: z
    .string()
    .min(1)
    .default('Stadt Musterstadt')
    .describe('The authority named as sender of every message.'),
  POSTBOX_SERVICE: z
    .string()
    .min(1)
    .default('Antragsstatus')
    .describe('The public service the messages belong to.'),
  POSTBOX_STORK_QAA_LEVEL: z
    .enum(storkQaaLevels)
    .default('STORK-QAA-Level-3')
    .describe('Authentication level the citizen needs to open the messages.'),
});

export type PostboxConnectorConfig = z.infer<typeof postboxConnectorConfigSchema>;
