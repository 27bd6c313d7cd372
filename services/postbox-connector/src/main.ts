import { loadConfig, runHubService } from '@hub/kit';
import { postboxConnectorConfigSchema } from './config.js';
import { PostboxConnectorModule } from './postbox-connector.module.js';

await runHubService(
  () => loadConfig(postboxConnectorConfigSchema),
  () => PostboxConnectorModule,
);
