import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { connectServiceClients, createLogger, DeliveryEngine, type KitLogger } from '@hub/kit';
import { RoutingTable } from '@hub/routing';
import { loadXbauTextTypes } from '@hub/xoev';
import { ApplicationRegistry } from './applications/application-registry.js';
import { KafkaSubmittedApplicationPublisher } from './applications/kafka-submitted-application.publisher.js';
import { SubmitApplication } from './applications/submit-application.js';
import { TimelineNotifications } from './applications/timeline-notifications.js';
import { TokenVerifier } from './auth/token-verifier.js';
import { attachmentOrigins } from './door/attachment-refusals.js';
import { IdempotencyStore } from './idempotency/idempotency-store.js';
import type { GatewayConfig } from './config.js';
import { GatewayModule } from './gateway.module.js';
import { admissionControl } from './http/admission-control.js';
import { jsonBody, bodyErrorsAsProblems } from './http/json-body.js';
import { ProblemFilter } from './http/problem.filter.js';
import { citizenStatusHandler } from './status/citizen-status.handler.js';

export interface RunningGateway {
  readonly url: string;
  stop(): Promise<void>;
}

/** Wires the gateway from its configuration, starts HTTP and the status projection. */
export async function startGateway(
  config: GatewayConfig,
  options: { logger?: KitLogger } = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger(config.SERVICE_NAME, config.LOG_LEVEL);
  const clients = await connectServiceClients(config);
  const { pool, kafka, serde, producer } = clients;
  const applications = new ApplicationRegistry(pool);
  const idempotency = new IdempotencyStore(pool);
  await applications.migrate();
  await idempotency.migrate();

  const notifications = new TimelineNotifications(config.DATABASE_URL);
  await notifications.start();
  const engine = new DeliveryEngine({ service: config.SERVICE_NAME, kafka, serde, logger });
  engine.register(citizenStatusHandler(applications));
  await engine.start();

  const submitApplication = new SubmitApplication(
    RoutingTable.fromFile(config.ROUTING_TABLE_FILE),
    idempotency,
    applications,
    new KafkaSubmittedApplicationPublisher(producer),
    {
      textTypes: loadXbauTextTypes(),
      attachmentOrigins: attachmentOrigins(config.ATTACHMENT_URI_ORIGINS),
    },
  );
  const tokens = new TokenVerifier({
    jwksFile: config.JWKS_FILE,
    jwksUrl: config.JWKS_URL,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    maxLifetimeSeconds: config.MAX_TOKEN_LIFETIME_SECONDS,
  });
  const readiness = async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(clients.readiness).map(async ([name, check]) => [
          name,
          await check().then(
            () => true,
            () => false,
          ),
        ]),
      ),
    ) as Record<string, boolean>;

  const app = await NestFactory.create<NestExpressApplication>(
    GatewayModule.with({
      tokens,
      submitApplication,
      applications,
      notifications,
      readiness,
      metrics: engine.metricsRegistry,
    }),
    // Our own JSON parser (json-body.ts) answers its errors as problem documents.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest types its options as a class; a literal is what its docs pass.
    { bodyParser: false, logger: false },
  );
  app.use(
    '/v1/applications',
    admissionControl(
      {
        maxInFlight: config.MAX_IN_FLIGHT_SUBMISSIONS,
        retryAfterSeconds: config.OVERLOAD_RETRY_AFTER_SECONDS,
      },
      engine.metricsRegistry,
    ),
  );
  app.use(jsonBody(config.MAX_BODY_BYTES), bodyErrorsAsProblems(logger));
  app.useGlobalFilters(
    new ProblemFilter((error) => {
      logger.error({ err: error }, 'unexpected error');
    }),
  );
  app.enableShutdownHooks();
  await app.listen(config.PORT, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };

  return {
    url: `http://127.0.0.1:${address.port}`,
    async stop() {
      await app.close();
      await engine.stop();
      await notifications.stop();
      await clients.close();
    },
  };
}
