import { z } from 'zod';
import { HubError } from '@hub/errors';

/** The gateway's environment, validated at boot: a bad value stops it with the variable's name. */
export const gatewayConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
    KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
    SCHEMA_REGISTRY_URL: z.url().default('http://127.0.0.1:8081/apis/ccompat/v7'),
    DATABASE_URL: z.string().min(1).default('postgres://postgres@127.0.0.1:5432/hub'),
    ROUTING_TABLE_FILE: z.string().min(1).default('deploy/config/routing-table.json'),
    JWKS_FILE: z.string().min(1).optional(),
    JWKS_URL: z.url().optional(),
    JWT_ISSUER: z.string().min(1).default('https://portal.example/auth'),
    JWT_AUDIENCE: z.string().min(1).default('municipal-hub'),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(256 * 1024),
  })
  .refine((config) => config.JWKS_FILE !== undefined || config.JWKS_URL !== undefined, {
    path: ['JWKS_FILE'],
    message: 'set JWKS_FILE or JWKS_URL: the keys that portal tokens are verified with',
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = gatewayConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const reasons = parsed.error.issues
    .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    .join('; ');
  throw new HubError('CONFIG_INVALID', `portal-gateway configuration is invalid: ${reasons}`, {
    retryable: false,
  });
}
