import { loadGatewayConfig } from './config.js';
import { startGateway } from './gateway.js';

const gateway = await startGateway(loadGatewayConfig());
console.log(JSON.stringify({ msg: 'portal-gateway listening', url: gateway.url }));
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void gateway.close().then(() => process.exit(0)));
}
