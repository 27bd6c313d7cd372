import { z } from 'zod';

/*
 * The subset of the FIT-Connect Submission API (v1) the hub speaks, as its JSON looks on the wire.
 * See docs/adr/0023-fit-connect-subset.md for what is left out and why.
 */

const schemaBase = 'https://schema.fitko.de/fit-connect';

/** Event types of the security event tokens (SET) in a case's event log. */
export const eventTypes = {
  submitSubmission: `${schemaBase}/events/submit-submission`,
  acceptSubmission: `${schemaBase}/events/accept-submission`,
  rejectSubmission: `${schemaBase}/events/reject-submission`,
} as const;

/** Problem types a destination names when it rejects a submission. */
export const problemTypes = {
  decryptionIssue: `${schemaBase}/events/problems/encryption-issue`,
  hashMismatch: `${schemaBase}/events/problems/hash-mismatch`,
  schemaViolation: `${schemaBase}/events/problems/schema-violation`,
  invalidMetadata: `${schemaBase}/events/problems/invalid-metadata`,
  unsupportedSchema: `${schemaBase}/events/problems/unsupported-schema`,
} as const;

export const setPayloadSchemaUri = `${schemaBase}/set-payload/1.0.0/set-payload.schema.json`;
export const metadataSchemaUri = `${schemaBase}/metadata/1.2.0/metadata.schema.json`;
export const newSubmissionsCallbackType = `${schemaBase}/callbacks/new-submissions`;

const uuid = z.uuid();

/** POST body of a callback: which submissions are ready for pickup. */
export const callbackBody = z.object({
  type: z.literal(newSubmissionsCallbackType),
  submissionIds: z.array(uuid).min(1).max(500),
});

/** GET /v1/submissions?destinationId&offset&limit */
export const submissionsForPickup = z.object({
  count: z.int().nonnegative(),
  offset: z.int().nonnegative(),
  totalCount: z.int().nonnegative(),
  submissions: z.array(z.object({ destinationId: uuid, submissionId: uuid, caseId: uuid })),
});

/** GET /v1/submissions/{submissionId} */
export const submission = z.object({
  destinationId: uuid,
  submissionId: uuid,
  caseId: uuid,
  serviceType: z.object({ name: z.string().max(500), identifier: z.string().max(500) }),
  attachments: z.array(uuid).max(100),
  encryptedMetadata: z.string().min(1),
  encryptedData: z.string().min(1).optional(),
});
export type Submission = z.infer<typeof submission>;

const hash = z.object({ type: z.literal('sha512'), content: z.string().regex(/^[0-9a-f]{128}$/) });

/** The decrypted metadata: what the submission contains and the hash of each part. */
export const metadata = z.object({
  $schema: z.string().optional(),
  contentStructure: z.object({
    data: z
      .object({
        hash,
        submissionSchema: z.object({
          schemaUri: z.string().max(500),
          mimeType: z.literal('application/json'),
        }),
      })
      .optional(),
    attachments: z
      .array(
        z.object({
          attachmentId: uuid,
          hash,
          purpose: z.enum(['form', 'attachment', 'report']),
          filename: z.string().min(1).max(255).optional(),
          mimeType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/),
          description: z.string().max(1000).optional(),
        }),
      )
      .max(100),
  }),
});
export type Metadata = z.infer<typeof metadata>;

/** A problem named in a reject-submission event. */
export interface RejectionProblem {
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly instance: string;
}
