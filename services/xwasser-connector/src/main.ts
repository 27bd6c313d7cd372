import { loadConfig, runHubService } from '@hub/kit';
import { xwasserConnectorConfigSchema } from './config.js';
import { XwasserConnectorModule } from './xwasser-connector.module.js';

await runHubService(
  () => loadConfig(xwasserConnectorConfigSchema),
  () => XwasserConnectorModule,
);
