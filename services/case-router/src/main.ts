import { loadConfig, runHubService } from '@hub/kit';
import { caseRouterService } from './case-router-service.js';
import { CaseRouterModule } from './case-router.module.js';
import { caseRouterConfigSchema } from './config.js';

await runHubService(
  () => loadConfig(caseRouterConfigSchema),
  () => CaseRouterModule.with(),
  () => caseRouterService,
);
