import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';
import { devAuthorPublicKey } from './dev-author-key.js';
import { startPostboxSimulator } from './postbox-simulator.js';

/**
 * Runs the simulator standalone:
 *   npx tsx tools/postbox-simulator/src/main.ts [--port 8099] [--host 127.0.0.1]
 * The author's public key comes from POSTBOX_AUTHOR_PUBLIC_KEY_FILE (a JWK), by default the
 * development key in deploy/config/dev.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.POSTBOX_SIMULATOR_PORT ?? '8099' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`--port must be a port number, got '${values.port}'\n`);
  process.exit(2);
}
const keyFile = process.env.POSTBOX_AUTHOR_PUBLIC_KEY_FILE;
const simulator = await startPostboxSimulator({
  port,
  host: values.host,
  authorKey: keyFile ? (JSON.parse(readFileSync(keyFile, 'utf8')) as JWK) : devAuthorPublicKey(),
});
process.stdout.write(`postbox simulator listening on ${simulator.url}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void simulator.stop().then(() => process.exit(0)));
