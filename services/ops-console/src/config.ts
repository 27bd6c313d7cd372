import { z } from 'zod';
import { kitConfigSchema, port } from '@hub/kit';

const healthTargetsSchema = z.record(z.string(), z.url());

/** `{"case-router":"http://127.0.0.1:9101/health/ready", ...}`: what the health page asks. */
export function healthTargetsOf(text: string): Record<string, string> | undefined {
  try {
    const parsed = healthTargetsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The console's environment: the kit's plus its HTTP port, operator tokens and what it watches. */
export const opsConsoleConfigSchema = kitConfigSchema
  .extend({
    SERVICE_NAME: kitConfigSchema.shape.SERVICE_NAME.default('ops-console').describe(
      'Service name (in logs, traces and its throw-away consumer groups).',
    ),
    DATABASE_URL: kitConfigSchema.shape.DATABASE_URL.describe(
      'PostgreSQL: the case router’s and gateway’s tables (read only) and the replay audit.',
    ),
    HTTP_PORT: port
      .default(8070)
      .describe('Port of the console pages (its /health and /metrics are on OPS_PORT).'),
    HTTP_HOST: z.string().min(1).default('127.0.0.1').describe('Interface the pages listen on.'),
    JWKS_FILE: z
      .string()
      .min(1)
      .optional()
      .describe('JWKS document with the keys operator tokens are signed with.'),
    JWKS_URL: z
      .url()
      .optional()
      .describe('Or the operators’ identity provider JWKS endpoint (wins over JWKS_FILE).'),
    JWT_ISSUER: z
      .string()
      .min(1)
      .default('https://operators.example/auth')
      .describe('Expected `iss` of operator tokens.'),
    JWT_AUDIENCE: z
      .string()
      .min(1)
      .default('municipal-hub-ops')
      .describe('Expected `aud` of operator tokens (never the portal’s audience).'),
    COOKIE_SECURE: z
      .stringbool()
      .default(false)
      .describe('Mark the session cookie `Secure` (set `true` behind HTTPS).'),
    HEALTH_TARGETS_JSON: z
      .string()
      .default('{}')
      .refine((text) => healthTargetsOf(text) !== undefined, 'a JSON object of name → URL')
      .describe('JSON object: service or simulator name → its readiness URL (`/health/ready`).'),
    STUCK_AFTER_MINUTES: z.coerce
      .number()
      .int()
      .positive()
      .default(30)
      .describe('Default of “stuck longer than N minutes” on the stuck-applications page.'),
  })
  .refine((config) => config.JWKS_FILE !== undefined || config.JWKS_URL !== undefined, {
    path: ['JWKS_FILE'],
    message: 'set JWKS_FILE or JWKS_URL: the keys that operator tokens are verified with',
  });

export type OpsConsoleConfig = z.infer<typeof opsConsoleConfigSchema>;
