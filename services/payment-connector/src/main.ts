import { loadConfig, runHubService } from '@hub/kit';
import { paymentConnectorConfigSchema } from './config.js';
import { PaymentConnectorModule } from './payment-connector.module.js';
import { paymentHttp } from './payment-connector-service.js';

await runHubService(
  () => loadConfig(paymentConnectorConfigSchema),
  () => PaymentConnectorModule,
  (config) => ({ http: paymentHttp(config) }),
);
