import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { HubError } from '@hub/errors';
import { kitConfigSchema, port } from '@hub/kit';
import { parseProviderProfile, type ProviderProfile } from '@hub/xbezahldienste';

const positiveInt = z.coerce.number().int().positive();

/** The payment connector's environment: the kit's plus the provider profile, URLs and polling. */
export const paymentConnectorConfigSchema = kitConfigSchema
  .extend({
    SERVICE_NAME: kitConfigSchema.shape.SERVICE_NAME.default('payment-connector').describe(
      'Service name: consumer groups are `<service>.<handler>`.',
    ),
    HTTP_PORT: port
      .default(8090)
      .describe('Port of the return and notification endpoints (`/payments/...`).'),
    HTTP_HOST: z.string().min(1).default('0.0.0.0').describe('Interface the endpoints listen on.'),
    OPS_PORT: kitConfigSchema.shape.OPS_PORT.describe(
      'Port of /health/live, /health/ready and /metrics (0: any free port).',
    ),
    PAYMENT_PROFILE_FILE: z
      .string()
      .min(1)
      .optional()
      .describe('Provider profile as a JSON file (see services/libs/xbezahldienste/README.md).'),
    PAYMENT_PROFILE_JSON: z
      .string()
      .min(1)
      .optional()
      .describe('The provider profile inline as JSON, when there is no file.'),
    PUBLIC_BASE_URL: z
      .url()
      .optional()
      .describe(
        'How the provider and the citizen reach this service; default: the address it listens on.',
      ),
    PORTAL_RETURN_URL: z
      .url()
      .optional()
      .describe(
        'Where the citizen goes after the return; `{applicationId}` is replaced. Unset: a short page.',
      ),
    POLL_INTERVAL_MS: positiveInt
      .default(60_000)
      .describe('How often open transactions are checked at the provider.'),
    POLL_AFTER_MS: positiveInt
      .default(5 * 60_000)
      .describe('An open transaction is polled once its link is older than this.'),
    ABANDON_DEADLINE_MS: positiveInt
      .default(24 * 60 * 60_000)
      .describe('Unpaid this long after the link: cancelled at the provider, failed as EXPIRED.'),
  })
  .refine(
    (config) =>
      (config.PAYMENT_PROFILE_FILE === undefined) !== (config.PAYMENT_PROFILE_JSON === undefined),
    {
      message: 'set exactly one of PAYMENT_PROFILE_FILE and PAYMENT_PROFILE_JSON',
      path: ['PAYMENT_PROFILE_FILE'],
    },
  );

export type PaymentConnectorConfig = z.infer<typeof paymentConnectorConfigSchema>;

/** The provider profile from the file or the inline JSON; a bad one names the field. */
export function providerProfileOf(config: PaymentConnectorConfig): ProviderProfile {
  let json: unknown;
  try {
    json = JSON.parse(
      config.PAYMENT_PROFILE_JSON ?? readFileSync(config.PAYMENT_PROFILE_FILE ?? '', 'utf8'),
    );
  } catch (error) {
    throw new HubError(
      'PAYMENT_PROFILE_INVALID',
      `provider profile: cannot read it as JSON (${error instanceof Error ? error.message : 'unknown'})`,
      { retryable: false, cause: error },
    );
  }
  return parseProviderProfile(json);
}
