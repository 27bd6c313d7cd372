import { loadConfig, runHubService } from '@hub/kit';
import { xbauConnectorConfigSchema } from './config.js';
import { XbauConnectorModule } from './xbau-connector.module.js';

await runHubService(
  () => loadConfig(xbauConnectorConfigSchema),
  () => XbauConnectorModule,
);
