import { z } from 'zod';

/*
 * The body of POST /v1/applications: the portal's JSON, validated field by field so that a caller
 * is told the exact path and reason of every mistake. It mirrors the contract
 * contracts/schemas/portal/application-submitted.avsc; ids and times are assigned by the gateway.
 * The OpenAPI document is derived from this schema (see openapi.ts).
 */

const postalAddress = z
  .object({
    street: z.string().min(1).max(200),
    houseNumber: z.string().min(1).max(20),
    postalCode: z.string().min(1).max(20),
    city: z.string().min(1).max(200),
    countryCode: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code, e.g. DE')
      .default('DE'),
  })
  .strict();

const applicant = z
  .object({
    givenName: z.string().min(1).max(200),
    familyName: z.string().min(1).max(200),
    birthDate: z.iso.date('must be a date as YYYY-MM-DD').optional(),
    email: z.email('must be an e-mail address').optional(),
    phone: z.string().max(50).optional(),
    address: postalAddress,
  })
  .strict();

const formField = z
  .object({
    key: z
      .string()
      .regex(
        /^[a-z0-9]+([._-][a-z0-9]+)*$/i,
        'must be a dotted field id, e.g. bauvorhaben.bezeichnung',
      ),
    value: z.union([z.string().max(10_000), z.boolean(), z.number(), z.null()]),
  })
  .strict();

const attachment = z
  .object({
    attachmentId: z.uuid('must be a UUID'),
    fileName: z.string().min(1).max(255),
    mediaType: z
      .string()
      .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a media type, e.g. application/pdf'),
    sizeBytes: z
      .int()
      .positive()
      .max(100 * 1024 * 1024, 'must be at most 100 MiB'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits (SHA-256)'),
    storageUri: z.string().min(1).max(2_000),
  })
  .strict();

const fee = z
  .object({
    amount: z
      .string()
      .regex(/^\d{1,10}\.\d{2}$/, 'must be a decimal with two fraction digits, e.g. "12.50"'),
    currency: z.literal('EUR'),
  })
  .strict();

export const submitApplicationRequest = z
  .object({
    applicationId: z
      .uuid('must be a UUID')
      .optional()
      .describe(
        'The portal’s own id, if it needs one: claimed for this portal client like an Idempotency-Key (same body again: the first answer; another body or citizen: 409). The hub assigns the application id; the response carries it.',
      ),
    serviceKey: z.string().regex(/^\d{14}$/, 'must be a LeiKa service key of 14 digits'),
    municipalityKey: z
      .string()
      .regex(/^\d{8}$/, 'must be an AGS (Amtlicher Gemeindeschlüssel) of 8 digits'),
    citizenAccountRef: z
      .string()
      .regex(/^[\x21-\x7e]{8,128}$/, 'must be 8 to 128 visible ASCII characters'),
    formId: z
      .string()
      .min(1)
      .max(200)
      .regex(/^\P{C}+$/u, 'must not contain control characters'),
    applicant,
    formFields: z.array(formField).max(2_000),
    attachments: z.array(attachment).max(100).default([]),
    fee: fee
      .optional()
      .describe(
        'Informational: the fee comes from the routing table. If stated, it must equal the route’s fee (else 422 /fee/amount, or /fee on a free route).',
      ),
  })
  .strict();

export type SubmitApplicationRequest = z.infer<typeof submitApplicationRequest>;
