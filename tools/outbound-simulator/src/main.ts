import { startOutboundSimulator } from './outbound-simulator.js';

const port = Number(process.env.OUTBOUND_SIMULATOR_PORT ?? 8092);
const simulator = await startOutboundSimulator(port, process.env.OUTBOUND_SIMULATOR_HOST);
console.log(`outbound simulator listening on ${simulator.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void simulator.close();
  });
