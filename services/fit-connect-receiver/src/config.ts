import { z } from 'zod';
import { kitConfigSchema, port } from '@hub/kit';

const days = 24 * 60 * 60 * 1000;

/** The receiver's environment: the kit's plus the destination's FIT-Connect access and keys. */
export const fitConnectReceiverConfigSchema = kitConfigSchema.extend({
  SERVICE_NAME: kitConfigSchema.shape.SERVICE_NAME.default('fit-connect-receiver').describe(
    'Service name: consumer groups are `<service>.<handler>`.',
  ),
  HTTP_PORT: port
    .default(8093)
    .describe('Port of the callback endpoint `POST /callbacks/fit-connect`.'),
  FIT_CONNECT_API_URL: z
    .url()
    .default('http://127.0.0.1:8094')
    .describe('Base URL of the FIT-Connect Submission API (locally: tools/fit-connect-simulator).'),
  FIT_CONNECT_TOKEN_URL: z
    .url()
    .default('http://127.0.0.1:8094/token')
    .describe('OAuth2 token endpoint (client credentials grant).'),
  FIT_CONNECT_CLIENT_ID: z.string().min(1).describe('The destination’s API client id.'),
  FIT_CONNECT_CLIENT_SECRET: z
    .string()
    .min(1)
    .describe('The API client’s secret (from the secret store; never logged).'),
  FIT_CONNECT_DESTINATION_ID: z.uuid().describe('The city’s destination id at FIT-Connect.'),
  CALLBACK_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .describe('Secret of the callback HMAC-SHA512 (as registered with the destination).'),
  DECRYPTION_KEY_FILE: z
    .string()
    .min(1)
    .describe('Private RSA-OAEP-256 key (JWK file) submissions are encrypted to.'),
  SIGNING_KEY_FILE: z
    .string()
    .min(1)
    .describe('Private PS512 key (JWK file with kid) accept and reject events are signed with.'),
  ROUTING_TABLE_FILE: z
    .string()
    .min(1)
    .optional()
    .describe(
      'LeiKa + AGS → procedure routing table (JSON; default: the deployed `deploy/config/routing-table.json`); submissions without a route are rejected.',
    ),
  POLL_INTERVAL_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(60_000)
    .describe(
      'Pause between polls of the pending submissions (the safety net for lost callbacks).',
    ),
  INTAKE_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(4)
    .describe('Submissions fetched and decided at once.'),
  DEADLINE_WARNING_AFTER_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * days)
    .describe('An undecided submission seen this long ago counts as nearing the 14-day deletion.'),
  FIT_CONNECT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(10_000)
    .describe('Deadline of one call to FIT-Connect; a timeout is retried by the next poll.'),
});

export type FitConnectReceiverConfig = z.infer<typeof fitConnectReceiverConfigSchema>;
