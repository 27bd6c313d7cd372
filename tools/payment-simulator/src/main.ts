import { z } from 'zod';
import { parseArgs } from 'node:util';
import { faultsSchema } from './faults.js';
import { parseJsonBody } from './http-io.js';
import { DEFAULT_NOTIFICATION_SECRET, startPaymentSimulator } from './payment-simulator.js';

/**
 * Runs the simulator standalone:
 *   npx tsx tools/payment-simulator/src/main.ts [--port 8090] [--host 127.0.0.1] [--faults '{"latencyMs":200}']
 * The notification secret comes from PAYMENT_SIMULATOR_NOTIFICATION_SECRET (not the command line,
 * where it would show in the process list).
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PAYMENT_SIMULATOR_PORT ?? '8090' },
    host: { type: 'string', default: '127.0.0.1' },
    faults: { type: 'string', default: '{}' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`--port must be a port number, got '${values.port}'\n`);
  process.exit(2);
}
const faultsJson = parseJsonBody(values.faults);
if (faultsJson === undefined) {
  process.stderr.write(`--faults must be a JSON object, got '${values.faults}'\n`);
  process.exit(2);
}
const faults = faultsSchema.safeParse(faultsJson);
if (!faults.success) {
  process.stderr.write(`--faults: ${z.prettifyError(faults.error)}\n`);
  process.exit(2);
}

const simulator = await startPaymentSimulator({
  port,
  host: values.host,
  faults: faults.data,
  notificationSigning: {
    secret: process.env.PAYMENT_SIMULATOR_NOTIFICATION_SECRET ?? DEFAULT_NOTIFICATION_SECRET,
  },
});
process.stdout.write(`payment simulator listening on ${simulator.url}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.stop().then(() => process.exit(0));
  });
}
