import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The submission schemas the destination accepts, pinned in the repository (`schemas/`): a
 * submission names its schema by URI in the metadata, and only these URIs are understood. Never
 * fetched at run time: a schema that changes under us would change what we accept.
 */
export const pinnedSchemas: Readonly<Record<string, string>> = {
  'urn:de:fim:s17000xxx:efa-bauantrag:1.0.0': 'bauantrag-efa-1.0.0.schema.json',
};

export type SchemaVerdict =
  | { readonly valid: true }
  | { readonly valid: false; readonly unsupported: boolean; readonly reasons: readonly string[] };

/** Validates data against the pinned schema its metadata names (JSON Schema 2020-12, ajv). */
export class SubmissionSchemas {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(folder: URL = new URL('../../schemas/', import.meta.url)) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv, ['date', 'email']);
    for (const [uri, file] of Object.entries(pinnedSchemas)) {
      const schema = JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as object;
      this.validators.set(uri, ajv.compile(schema));
    }
  }

  check(schemaUri: string, data: unknown): SchemaVerdict {
    const validate = this.validators.get(schemaUri);
    if (!validate)
      return {
        valid: false,
        unsupported: true,
        reasons: ['the submission schema is not supported'],
      };
    if (validate(data)) return { valid: true };
    // Paths and keywords only: ajv's messages do not quote the data, so no personal data leaks.
    const reasons = (validate.errors ?? [])
      .slice(0, 10)
      .map((error) => `${error.instancePath || '/'}: ${error.message ?? error.keyword}`);
    return { valid: false, unsupported: false, reasons };
  }
}
