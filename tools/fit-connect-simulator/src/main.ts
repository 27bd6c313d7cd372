import { parseArgs } from 'node:util';
import { registerDevDestination } from './dev-destination.js';
import { startFitConnectSimulator } from './fit-connect-simulator.js';

/**
 * Runs the simulator standalone with the development destination of `npm start`:
 *   npx tsx tools/fit-connect-simulator/src/main.ts [--port 8094] [--callback-url URL]
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.FIT_CONNECT_SIMULATOR_PORT ?? '8094' },
    host: { type: 'string', default: '127.0.0.1' },
    'callback-url': {
      type: 'string',
      default:
        process.env.FIT_CONNECT_CALLBACK_URL ?? 'http://127.0.0.1:8093/callbacks/fit-connect',
    },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`--port must be a port number, got '${values.port}'\n`);
  process.exit(2);
}
const simulator = await startFitConnectSimulator({ port, host: values.host });
registerDevDestination(simulator, values['callback-url']);
process.stdout.write(`FIT-Connect simulator listening on ${simulator.url}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.stop().then(() => process.exit(0));
  });
}
