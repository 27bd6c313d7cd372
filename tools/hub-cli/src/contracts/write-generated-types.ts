import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaSet } from '@hub/contracts';
import { generatedDirectory, generateTypes } from './generate-types.js';

/** The root of this repository (the CLI lives in tools/hub-cli/src). */
export const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
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
