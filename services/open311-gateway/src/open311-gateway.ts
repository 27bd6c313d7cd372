import { topics } from '@hub/contracts';
import { bootstrapHubService, type BusinessHttp, type KitLogger } from '@hub/kit';
import type { Open311Config } from './config.js';
import { Open311ErrorFilter } from './open311/open311-error.filter.js';
import { Open311Module } from './open311.module.js';

export interface RunningOpen311Gateway {
  /** `http://host:port/open311/v2` */
  readonly baseUrl: string;
  readonly url: string;
  readonly opsPort: number;
  stop(): Promise<void>;
}

/**
 * The Open311 API on HTTP_PORT: raw bodies beside the parsed ones (the office callback's
 * signature), JSON and form bodies up to MAX_BODY_BYTES, every failure as Open311's error list.
 */
export function open311Http(config: Open311Config, logger: KitLogger): BusinessHttp {
  return {
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    // Nest's own parsers have its default limit; ours below have MAX_BODY_BYTES.
    bodyParser: false,
    rawBody: true,
    configure(app) {
      app.useBodyParser('json', { limit: config.MAX_BODY_BYTES });
      app.useBodyParser('urlencoded', { limit: config.MAX_BODY_BYTES, extended: false });
      app.useGlobalFilters(
        new Open311ErrorFilter((error) => {
          logger.error({ err: error }, 'unexpected error');
        }),
      );
    },
  };
}

/**
 * Starts the gateway in the one service shape (tests use this; main.ts runs the same).
 * `reportRoutedTopic`: routed reports go to and are delivered from a test's topic of its own.
 */
export async function startOpen311Gateway(
  config: Open311Config,
  logger: KitLogger,
  options: { reportRoutedTopic?: string } = {},
): Promise<RunningOpen311Gateway> {
  const topic = options.reportRoutedTopic;
  const service = await bootstrapHubService(
    topic ? Open311Module.publishingTo(topic) : Open311Module,
    {
      config,
      logger,
      http: open311Http(config, logger),
      ...(topic ? { topics: { [topics.reportRouted.name]: topic } } : {}),
    },
  );
  const url = service.url ?? '';
  return {
    url,
    baseUrl: `${url}/open311/v2`,
    opsPort: service.opsPort,
    stop: () => service.stop(),
  };
}
