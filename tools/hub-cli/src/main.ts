/**
 * `npm run hub -- <group> <command> [options]`: the operator's CLI. Each group (topics, contracts,
 * dlq, payments, ...) is one module in ./commands that exports `run(args)` and `summary`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface CommandGroup {
  readonly summary: string;
  run(args: string[]): Promise<void>;
}

const commandsDir = fileURLToPath(new URL('./commands/', import.meta.url));
const groups = readdirSync(commandsDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();

async function load(group: string): Promise<CommandGroup> {
  return (await import(`./commands/${group}.js`)) as CommandGroup;
}

async function usage(): Promise<string> {
  const lines = await Promise.all(
    groups.map(async (group) => `  ${group.padEnd(10)} ${(await load(group)).summary}`),
  );
  return ['usage: npm run hub -- <group> <command> [options]', '', ...lines].join('\n');
}

const [group, ...args] = process.argv.slice(2);
if (!group || !groups.includes(group)) {
  console.error(await usage());
  process.exitCode = 2;
} else {
  try {
    await (await load(group)).run(args);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
