import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { kitConfigSchema, port } from '@hub/kit';

const defaultRoutingTable = fileURLToPath(
  import.meta.resolve('@hub/deploy-config/routing-table.json'),
);

/** The gateway's environment: the kit's plus HTTP, tokens and routing; validated at boot. */
export const gatewayConfigSchema = kitConfigSchema
  .extend({
    SERVICE_NAME: kitConfigSchema.shape.SERVICE_NAME.default('portal-gateway'),
    KAFKA_BROKERS: kitConfigSchema.shape.KAFKA_BROKERS.default('127.0.0.1:9092'),
    SCHEMA_REGISTRY_URL: kitConfigSchema.shape.SCHEMA_REGISTRY_URL.default(
      'http://127.0.0.1:8081/apis/ccompat/v7',
    ),
    DATABASE_URL: kitConfigSchema.shape.DATABASE_URL.default(
      'postgres://postgres@127.0.0.1:5432/hub',
    ),
    HTTP_PORT: port.default(8080).describe('Port of the portal API (and its /openapi.json).'),
    ROUTING_TABLE_FILE: z
      .string()
      .min(1)
      .default(defaultRoutingTable)
      .describe('LeiKa + AGS → procedure routing table (JSON).'),
    JWKS_FILE: z
      .string()
      .min(1)
      .optional()
      .describe('JWKS document with the keys portal tokens are signed with.'),
    JWKS_URL: z.url().optional().describe('Or the identity provider’s JWKS endpoint.'),
    JWT_ISSUER: z
      .string()
      .min(1)
      .default('https://portal.example/auth')
      .describe('Expected `iss` of portal tokens.'),
    JWT_AUDIENCE: z
      .string()
      .min(1)
      .default('municipal-hub')
      .describe('Expected `aud` of portal tokens.'),
    MAX_TOKEN_LIFETIME_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .default(3600)
      .describe(
        'Longest accepted token lifetime (`exp` − `iat`, or − `nbf`, or − now); `exp` is required.',
      ),
    ATTACHMENT_URI_ORIGINS: z
      .string()
      .regex(
        /^\s*[a-z][a-z0-9+.-]*:\/\/[^/@\s,]+\/?\s*(,\s*[a-z][a-z0-9+.-]*:\/\/[^/@\s,]+\/?\s*)*$/i,
        'must be comma-separated scheme://host[:port] origins, e.g. https://dms.stadt.example',
      )
      .default('dms://uploads')
      .describe(
        'Comma-separated `scheme://host` of the document stores attachment `storageUri`s may point into; everything else (file:, metadata and internal hosts) is refused.',
      ),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(256 * 1024)
      .describe('Largest accepted request body.'),
    MAX_IN_FLIGHT_SUBMISSIONS: z.coerce
      .number()
      .int()
      .positive()
      .default(64)
      .describe(
        'Submissions worked on at once; above it the gateway answers 503 with `Retry-After` at once instead of queueing.',
      ),
    MAX_EVENT_LOOP_UTILIZATION: z.coerce
      .number()
      .gt(0)
      .max(1)
      .default(0.9)
      .describe(
        'Share of the last 100 ms the event loop may be busy while at least 1/8 of MAX_IN_FLIGHT_SUBMISSIONS are in flight; above it new submissions get 503 with `Retry-After` (the process cannot keep up, connections queue in the kernel). 1 switches it off.',
      ),
    HEADERS_TIMEOUT_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .default(10)
      .describe('Longest time a client may take to send the request headers.'),
    REQUEST_TIMEOUT_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .default(30)
      .describe('Longest time a client may take to send the whole request.'),
    OVERLOAD_RETRY_AFTER_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .default(1)
      .describe('`Retry-After` of an overload 503.'),
  })
  .refine((config) => config.JWKS_FILE !== undefined || config.JWKS_URL !== undefined, {
    path: ['JWKS_FILE'],
    message: 'set JWKS_FILE or JWKS_URL: the keys that portal tokens are verified with',
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
