import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { kitConfigSchema } from '@hub/kit';

const devJwks = fileURLToPath(
  new URL('../../../deploy/config/dev/portal-jwks.json', import.meta.url),
);

/** `{"case-router":"http://127.0.0.1:9101/health/ready", ...}`: what the health page asks. */
const healthTargets = z
  .string()
  .transform((text, context) => {
    try {
      return z.record(z.string(), z.url()).parse(JSON.parse(text));
    } catch {
      context.addIssue({ code: 'custom', message: 'a JSON object of name → readiness URL' });
      return z.NEVER;
    }
  })
  .describe('JSON object: service or simulator name → its readiness URL (`/health/ready`).');

/** The console's environment: the kit's plus its HTTP port, operator tokens and what it watches. */
export const opsConsoleConfigSchema = kitConfigSchema.extend({
  SERVICE_NAME: kitConfigSchema.shape.SERVICE_NAME.default('ops-console'),
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65_535)
    .default(8070)
    .describe('Port of the console pages (its /health and /metrics are on HTTP_PORT).'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Interface the pages listen on.'),
  JWKS_FILE: z
    .string()
    .min(1)
    .default(devJwks)
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
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Mark the session cookie `Secure` (set `true` behind HTTPS).'),
  HEALTH_TARGETS_JSON: healthTargets.default({}),
  STUCK_AFTER_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .default(30)
    .describe('Default of “stuck longer than N minutes” on the stuck-applications page.'),
});

export type OpsConsoleConfig = z.infer<typeof opsConsoleConfigSchema>;
