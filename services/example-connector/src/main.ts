import { runService } from '@hub/kit';
import { config } from './config.js';
import { startConnector } from './connector.js';

await runService(config, (settings, logger) => startConnector(settings, logger));
