import { Registry } from 'prom-client';
import { bootstrapHubService, createLogger, type BusinessHttp, type KitLogger } from '@hub/kit';
import type { GatewayConfig } from './config.js';
import { GatewayModule } from './gateway.module.js';
import {
  admissionControl,
  admitBeforeRouting,
  limitServerTimeouts,
} from './http/admission-control.js';
import { bodyErrorsAsProblems, jsonBody } from './http/json-body.js';
import { ProblemFilter } from './http/problem.filter.js';

export interface RunningGateway {
  readonly url: string;
  readonly opsPort: number;
  stop(): Promise<void>;
}

/** The portal API on HTTP_PORT: our own JSON parser answers its errors as problem documents. */
export function gatewayHttp(config: GatewayConfig, logger: KitLogger): BusinessHttp {
  return {
    port: config.HTTP_PORT,
    bodyParser: false,
    configure(app) {
      limitServerTimeouts(app.getHttpServer(), {
        headersSeconds: config.HEADERS_TIMEOUT_SECONDS,
        requestSeconds: config.REQUEST_TIMEOUT_SECONDS,
      });
      admitBeforeRouting(
        app.getHttpServer(),
        '/v1/applications',
        admissionControl(
          {
            maxInFlight: config.MAX_IN_FLIGHT_SUBMISSIONS,
            maxEventLoopUtilization: config.MAX_EVENT_LOOP_UTILIZATION,
            maxBodyBytes: config.MAX_BODY_BYTES,
            retryAfterSeconds: config.OVERLOAD_RETRY_AFTER_SECONDS,
          },
          app.get<Registry>(Registry),
        ),
      );
      app.use(jsonBody(config.MAX_BODY_BYTES), bodyErrorsAsProblems(logger));
      app.useGlobalFilters(
        new ProblemFilter({
          unexpected: (error) => {
            logger.error({ err: error }, 'unexpected error');
          },
          // Expected during a restart or failover: one line without a stack, the code says which.
          databaseUnreachable: (error) => {
            logger.warn(
              { code: (error as { code?: unknown }).code },
              'database unreachable; submission refused with 503',
            );
          },
          retryAfterSeconds: config.OVERLOAD_RETRY_AFTER_SECONDS,
        }),
      );
    },
  };
}

/** Starts the gateway in the one service shape (tests use this; main.ts runs the same). */
export async function startGateway(
  config: GatewayConfig,
  options: { logger?: KitLogger } = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger(config.SERVICE_NAME, config.LOG_LEVEL);
  const service = await bootstrapHubService(GatewayModule, {
    config,
    logger,
    http: gatewayHttp(config, logger),
  });
  return {
    url: service.url ?? '',
    opsPort: service.opsPort,
    stop: () => service.stop(),
  };
}
