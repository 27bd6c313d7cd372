import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SchemaSet } from '@hub/contracts';
import { repoRoot as repositoryRoot } from '@hub/platform';
import { generatedDirectory, generateTypes } from './generate-types.js';

export { repositoryRoot };
export const contractsSourceDirectory = join(repositoryRoot, 'contracts/src');

/** Regenerates contracts/src/generated from the schemas; returns the paths it wrote. */
export async function writeGeneratedTypes(set: SchemaSet): Promise<string[]> {
  const written: string[] = [];
  for (const [path, code] of await generateTypes(set)) {
    const target = join(contractsSourceDirectory, generatedDirectory, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
    written.push(target);
  }
  return written;
}
