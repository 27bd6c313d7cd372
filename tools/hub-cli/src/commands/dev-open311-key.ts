import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const summary =
  'dev-open311-key [--staff]: the Open311 api_key (or staff key) of the gateway `npm start` runs (dev keys only)';

const keysFile = fileURLToPath(
  new URL('../../../../deploy/config/dev/open311-dev-keys.json', import.meta.url),
);

/** Prints the development key; the same file gives it to the gateway under `npm start`. */
export function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { staff: { type: 'boolean', default: false } } });
  const keys = JSON.parse(readFileSync(keysFile, 'utf8')) as { apiKey: string; staffKey: string };
  console.log(values.staff ? keys.staffKey : keys.apiKey);
  return Promise.resolve();
}
