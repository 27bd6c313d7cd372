import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaSet } from '@hub/contracts';
import { generatedDirectory, generateTypes } from './generate-types.js';
import { contractsSourceDirectory } from './write-generated-types.js';

describe('the generated TypeScript types', () => {
  it('are what `npm run hub -- contracts generate` writes from the schemas today', async () => {
    const generated = await generateTypes(schemaSet);
    for (const [path, code] of generated) {
      const committed = readFileSync(
        join(contractsSourceDirectory, generatedDirectory, path),
        'utf8',
      );
      expect(
        committed,
        `contracts/src/generated/${path} is stale: run npm run hub -- contracts generate`,
      ).toBe(code);
    }
    expect(generated.size).toBe(schemaSet.types.size + 1);
  });
});
