import 'reflect-metadata';
import {
  Module,
  type DynamicModule,
  type INestApplication,
  type InjectionToken,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { KitConfig } from '../config/kit-config.js';
import { DeliveryEngine } from '../delivery/delivery-engine.js';
import type { HandlerDefinition } from '../delivery/handler-definition.js';
import { createLogger, type KitLogger } from '../observability/logger.js';
import { HubServiceModule, type HubServiceModuleOptions } from './hub-service.module.js';
import { KafkaTransport } from './kafka-transport.js';
import type { ServiceClients } from '../service/service-clients.js';
import { OpsServer } from './ops-server.provider.js';
import { configureOutboundBreakers } from '../outage/outage-settings.js';
import { SERVICE_CLIENTS } from './tokens.js';

export interface BusinessHttp {
  /** HTTP_PORT of the service's configuration (0: any free port). */
  readonly port: number;
  readonly host?: string;
  /** Middleware, filters and parsers before the app listens (e.g. a problem+json filter). */
  readonly configure?: (app: NestExpressApplication) => void;
  /** Nest's JSON body parser; off when the service parses bodies itself. */
  readonly bodyParser?: boolean;
  /** `request.rawBody` beside the parsed body (Nest's parsers), e.g. to check a signature. */
  readonly rawBody?: boolean;
}

export interface HubServiceOptions<C extends KitConfig> {
  readonly config: C;
  readonly logger?: KitLogger;
  /** The service's controllers serve business HTTP on this port; without it, only OPS_PORT. */
  readonly http?: BusinessHttp;
  /** Providers resolving to handler definitions built from data (besides `@KitEvent` methods). */
  readonly handlers?: readonly InjectionToken[];
  readonly decoder?: HubServiceModuleOptions['decoder'];
  /** Topics read under another name (tests). */
  readonly topics?: Readonly<Record<string, string>>;
}

export interface HubService {
  readonly app: INestApplication;
  readonly opsPort: number;
  /** `http://host:port` of the business HTTP, when the service serves it. */
  readonly url: string | undefined;
  /** A provider of the service, e.g. `service.get(CaseStore)`. */
  get<T>(token: InjectionToken<T>): T;
  /** Stops timers, handlers (commit, leave the groups), HTTP, then the connections. */
  stop(): Promise<void>;
}

/**
 * The one way a service starts: the kit's providers (HubServiceModule) beside the service's own
 * module, `@KitEvent` handlers on the Kafka transport, business HTTP on HTTP_PORT when asked for,
 * and the ops endpoints on OPS_PORT.
 */
export async function bootstrapHubService<C extends KitConfig>(
  appModule: Type | DynamicModule,
  options: HubServiceOptions<C>,
): Promise<HubService> {
  const { config, http } = options;
  const logger = options.logger ?? createLogger(config.SERVICE_NAME, config.LOG_LEVEL);
  configureOutboundBreakers(config);
  @Module({
    imports: [
      HubServiceModule.forRoot({
        config,
        logger,
        ...(options.decoder ? { decoder: options.decoder } : {}),
      }),
      appModule,
    ],
  })
  class HubRootModule {}

  // Nest types its options as a class but takes (and documents) plain objects.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.create<NestExpressApplication>(HubRootModule, {
    logger: false,
    bodyParser: http?.bodyParser ?? true,
    rawBody: http?.rawBody ?? false,
    abortOnError: false,
  });
  const handlers = (options.handlers ?? []).flatMap((token) =>
    app.get<HandlerDefinition<never>[]>(token),
  );
  app.connectMicroservice(
    {
      strategy: new KafkaTransport(app.get(DeliveryEngine), {
        shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
        retry: {
          maxAttempts: config.RETRY_MAX_ATTEMPTS,
          initialDelayMs: config.RETRY_INITIAL_DELAY_MS,
          maxDelayMs: config.RETRY_MAX_DELAY_MS,
        },
        handlers,
        ...(options.topics ? { topics: options.topics } : {}),
      }),
    },
    { inheritAppConfig: false },
  );
  http?.configure?.(app);
  await app.init();
  // HTTP first: a handler may hand out links to this service's endpoints.
  let url: string | undefined;
  if (http) {
    const host = http.host ?? '127.0.0.1';
    await app.listen(http.port, host);
    const { port } = app.getHttpServer().address() as { port: number };
    url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${String(port)}`;
  }
  await app.startAllMicroservices();
  const clients = app.get<ServiceClients>(SERVICE_CLIENTS);
  let stopped: Promise<void> | undefined;
  return {
    app,
    opsPort: app.get(OpsServer).port,
    url,
    get: <T>(token: InjectionToken<T>) => app.get<T>(token),
    // After every hook of the service: its last work may still need the connections.
    stop: () => (stopped ??= app.close().then(() => clients.close())),
  };
}
