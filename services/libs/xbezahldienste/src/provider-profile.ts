import { z } from 'zod';
import { paymentError } from './payment-errors.js';

/**
 * One payment provider as configuration: where it is, which account the city has there, how the hub
 * authenticates, and which payment methods the pay page may offer. Nothing about a provider or a
 * payment method is hard-coded elsewhere.
 */
const authSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('basic'),
    username: z.string().min(1),
    password: z.string().min(1),
  }),
  z.object({
    kind: z.literal('oauth2'),
    tokenUrl: z.url(),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    scope: z.string().min(1).optional(),
  }),
  z
    .object({
      kind: z.literal('tls'),
      /** PKCS#12 bundle as issued by e.g. ePayBL, base64-encoded. */
      pfxBase64: z.string().min(1).optional(),
      certPem: z.string().min(1).optional(),
      keyPem: z.string().min(1).optional(),
      passphrase: z.string().optional(),
      /** Extra CA certificates the provider's server certificate chains to. */
      caPem: z.string().min(1).optional(),
    })
    .refine((tls) => tls.pfxBase64 !== undefined || (tls.certPem && tls.keyPem), {
      message: 'needs pfxBase64, or certPem together with keyPem',
    }),
]);

/** The header names a provider uses unless its profile says otherwise; the simulator uses them too. */
export const DEFAULT_SIGNATURE_HEADER = 'x-xbezahldienste-signature';
export const DEFAULT_TIMESTAMP_HEADER = 'x-xbezahldienste-timestamp';

const notificationsSchema = z.object({
  /** Shared secret of the provider's HMAC-SHA256 signature over `${timestamp}.${rawBody}`. */
  secret: z.string().min(16),
  signatureHeader: z.string().min(1).default(DEFAULT_SIGNATURE_HEADER),
  timestampHeader: z.string().min(1).default(DEFAULT_TIMESTAMP_HEADER),
  /** How far the signed timestamp may lie from our clock, either way. */
  toleranceSeconds: z.number().int().positive().default(300),
});

export const providerProfileSchema = z.object({
  /** A short label for logs and metrics; never personal data. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes'),
  baseUrl: z.url({ protocol: /^https?$/ }),
  originatorId: z.string().min(1),
  endpointId: z.string().min(1),
  auth: authSchema,
  paymentMethods: z.array(z.string().min(1)).min(1),
  timeoutMs: z.number().int().positive().default(10_000),
  notifications: notificationsSchema.optional(),
});

export type ProviderProfile = z.output<typeof providerProfileSchema>;
export type ProviderProfileInput = z.input<typeof providerProfileSchema>;
export type ProviderAuth = ProviderProfile['auth'];
export type NotificationSignatureConfig = z.output<typeof notificationsSchema>;

/** Validates a profile; a bad value fails with PAYMENT_PROFILE_INVALID naming the field. */
export function parseProviderProfile(input: unknown): ProviderProfile {
  const result = providerProfileSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.map(String).join('.') || '(profile)'}: ${issue.message}`,
  );
  throw paymentError('PAYMENT_PROFILE_INVALID', `provider profile: ${problems.join('; ')}`);
}
