import { schemaSet } from '@hub/contracts';
import { writeGeneratedTypes } from '../contracts/write-generated-types.js';

export const summary = 'generate | check | register: the Avro contracts in contracts/schemas';

export async function run(args: string[]): Promise<void> {
  const [command] = args;
  switch (command) {
    case 'generate': {
      const written = await writeGeneratedTypes(schemaSet);
      console.log(`Wrote ${written.length} files to contracts/src/generated.`);
      return;
    }
    default:
      console.error('usage: npm run hub -- contracts generate');
      process.exitCode = 2;
  }
}
