import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import {
  encryptForDestination,
  problemTypes,
  sha512Hex,
  type Metadata,
  type Submission,
} from '@hub/fit-connect';
import { bauantrag } from '../../test/fixtures.js';
import { openSubmission } from './open-submission.js';
import { SubmissionSchemas } from './submission-schemas.js';

const schemaUri = 'urn:de:fim:s17000xxx:efa-bauantrag:1.0.0';
const schemas = new SubmissionSchemas();
let publicKey: JWK;
let privateKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
  publicKey = { ...(await exportJWK(pair.publicKey)), kid: 'k1' };
  privateKey = pair.privateKey;
});

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** A submission as the platform serves it, with the metadata changed by `change`. */
async function fetched(
  data: unknown,
  change: (metadata: Metadata) => Metadata = (m) => m,
  announced: readonly string[] = [],
): Promise<Submission> {
  const metadata: Metadata = {
    contentStructure: {
      data: {
        hash: { type: 'sha512', content: sha512Hex(bytes(data)) },
        submissionSchema: { schemaUri, mimeType: 'application/json' },
      },
      attachments: [],
    },
  };
  return {
    destinationId: randomUUID(),
    submissionId: randomUUID(),
    caseId: randomUUID(),
    serviceType: { name: 'Bauantrag', identifier: 'urn:de:fim:leika:leistung:99010003001000' },
    attachments: [...announced],
    encryptedMetadata: await encryptForDestination(publicKey, bytes(change(metadata))),
    encryptedData: await encryptForDestination(publicKey, bytes(data)),
  };
}

/** The metadata with its data part changed by `change`. */
const withDataPart =
  (change: (part: NonNullable<Metadata['contentStructure']['data']>) => unknown) =>
  (m: Metadata): Metadata => ({
    contentStructure: {
      ...m.contentStructure,
      data:
        m.contentStructure.data &&
        (change(m.contentStructure.data) as typeof m.contentStructure.data),
    },
  });

const firstProblem = async (submission: Submission) => {
  const opened = await openSubmission(submission, new Map(), privateKey, schemas);
  return opened.ok ? undefined : opened.problems[0];
};

describe('opening a FIT-Connect submission', () => {
  it('gives the data of a submission whose hashes and schema hold', async () => {
    const opened = await openSubmission(await fetched(bauantrag()), new Map(), privateKey, schemas);
    expect(opened).toMatchObject({ ok: true, data: bauantrag(), attachments: [] });
  });

  it.each<[string, () => Promise<Submission>, string, RegExp]>([
    [
      'an attachment announced but not described',
      () => fetched(bauantrag(), undefined, [randomUUID()]),
      problemTypes.invalidMetadata,
      /other attachments/,
    ],
    [
      'a schema that is not pinned here',
      () =>
        fetched(
          bauantrag(),
          withDataPart((part) => ({
            ...part,
            submissionSchema: {
              schemaUri: 'https://evil.example/schema.json',
              mimeType: 'application/json',
            },
          })),
        ),
      problemTypes.unsupportedSchema,
      /not supported/,
    ],
    [
      'metadata without a data part',
      () =>
        fetched(bauantrag(), (m) => ({
          contentStructure: { attachments: m.contentStructure.attachments },
        })),
      problemTypes.invalidMetadata,
      /no data/,
    ],
    [
      'data with an unknown field',
      () => fetched(bauantrag({ zusatz: 'x' })),
      problemTypes.schemaViolation,
      /additional properties/,
    ],
    [
      'a metadata hash of another kind',
      () =>
        fetched(
          bauantrag(),
          withDataPart((part) => ({ ...part, hash: { type: 'sha256', content: 'ab' } })),
        ),
      problemTypes.invalidMetadata,
      /metadata schema/,
    ],
  ])('rejects %s, naming the part and never the content', async (_, submission, type, detail) => {
    const problem = await firstProblem(await submission());
    expect(problem?.type).toBe(type);
    expect(problem?.detail).toMatch(detail);
    expect(problem?.detail).not.toMatch(/Erika|Mustermann/);
  });
});
