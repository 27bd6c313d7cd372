import { loadConfig, runHubService } from '@hub/kit';
import { exampleConnectorConfigSchema } from './config.js';
import { ExampleConnectorModule } from './example-connector.module.js';

await runHubService(
  () => loadConfig(exampleConnectorConfigSchema),
  () => ExampleConnectorModule,
);
