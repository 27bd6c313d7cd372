import { loadConfig, runHubService } from '@hub/kit';
import { fitConnectReceiverConfigSchema } from './config.js';
import { FitConnectReceiverModule } from './fit-connect-receiver.module.js';
import { receiverHttp } from './receiver-http.js';

await runHubService(
  () => loadConfig(fitConnectReceiverConfigSchema),
  () => FitConnectReceiverModule,
  (config) => ({ http: receiverHttp(config) }),
);
