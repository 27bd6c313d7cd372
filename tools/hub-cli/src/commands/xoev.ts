import { schemaSets, XoevValidator } from '@hub/xoev';
import { validateFiles } from '../xoev/validate-files.js';

export const summary =
  'xoev validate <file>... | standards: check XÖV messages against the standards catalogue (exit 0 valid, 1 invalid, 2 unreadable)';

export async function run([command, ...files]: string[]): Promise<void> {
  if (command === 'standards') {
    for (const standard of new Set(schemaSets.map((set) => set.standard))) {
      const sets = schemaSets.filter((set) => set.standard === standard);
      console.log(standard);
      for (const set of sets)
        console.log(`  ${set.namespace} version ${set.version} (${set.name})`);
      for (const message of sets[0]?.messages ?? [])
        console.log(`    ${message.type} (${message.direction})`);
    }
    return;
  }
  if (command !== 'validate' || files.length === 0) {
    console.error(`usage: npm run hub -- ${summary}`);
    process.exitCode = 2;
    return;
  }
  const validator = new XoevValidator();
  try {
    const { lines, exitCode } = await validateFiles(validator, files);
    console.log(lines.join('\n'));
    process.exitCode = exitCode;
  } finally {
    validator.dispose();
  }
}
