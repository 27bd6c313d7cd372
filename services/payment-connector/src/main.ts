import { loadConfig, runService } from '@hub/kit';
import { paymentConnectorConfigSchema } from './config.js';
import { startPaymentConnector } from './payment-connector-service.js';

await runService(
  () => loadConfig(paymentConnectorConfigSchema),
  (config, logger) => startPaymentConnector(config, { logger }),
  (connector) => ({ url: connector.url, opsPort: connector.opsPort }),
);
