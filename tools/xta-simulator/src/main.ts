// Runs the XTA simulator standalone: XTA_SIMULATOR_PORT (default 8089), XTA_SIMULATOR_ROLE
// (building-authority, default, or message-box).
import { startXtaSimulator } from './xta-simulator.js';

const port = Number(process.env.XTA_SIMULATOR_PORT ?? 8089);
const simulator = await startXtaSimulator({
  port,
  host: process.env.XTA_SIMULATOR_HOST ?? '127.0.0.1',
  role: process.env.XTA_SIMULATOR_ROLE === 'message-box' ? 'message-box' : 'building-authority',
});
process.stdout.write(
  `XTA simulator listening on ${simulator.url} (WSDL at ${simulator.url}?wsdl)\n`,
);
const shutdown = (): void => {
  void simulator.stop().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
