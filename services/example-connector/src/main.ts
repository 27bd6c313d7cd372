import { runHubService } from '@hub/kit';
import { AppModule } from './app.module.js';
import { config } from './config.js';

await runHubService(config, () => AppModule);
