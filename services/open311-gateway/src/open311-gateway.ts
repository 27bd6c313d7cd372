import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  connectServiceClients,
  configureOutboundBreakers,
  DeliveryEngine,
  outagePolicyOf,
  IdempotencyLedger,
  KafkaTransport,
  PassErrorsToDelivery,
  startOpsServer,
  type KitLogger,
} from '@hub/kit';
import { loadModel, OverrideStore } from '@hub/triage';
import type { Open311Config } from './config.js';
import { OfficeWebhookClient } from './office/office-webhook.client.js';
import { KeySet } from './open311/key-set.js';
import { Open311ErrorFilter } from './open311/open311-error.filter.js';
import { Open311Module } from './open311.module.js';
import { RequestStore } from './requests/request-store.js';
import { reportRoutedTopic, RoutedReportPublisher } from './requests/routed-report.publisher.js';
import { SubmitReport } from './requests/submit-report.js';
import { officeAreasSchema } from './requests/responsible-office.js';
import { TriageMetrics } from './requests/triage-metrics.js';

export interface RunningOpen311Gateway {
  /** `http://host:port/open311/v2` */
  readonly baseUrl: string;
  readonly url: string;
  readonly opsPort: number;
  stop(): Promise<void>;
}

/** Wires the gateway: clients, tables, classifier, Nest HTTP + Kafka transport, ops endpoints. */
export async function startOpen311Gateway(
  config: Open311Config,
  logger: KitLogger,
  options: { reportRoutedTopic?: string } = {},
): Promise<RunningOpen311Gateway> {
  const clients = await connectServiceClients(config);
  const { pool, kafka, serde, producer } = clients;
  const store = new RequestStore(pool);
  const overrides = new OverrideStore(pool);
  const ledger = new IdempotencyLedger(pool);
  await store.migrate();
  await overrides.migrate();
  await ledger.migrate();

  const topic = options.reportRoutedTopic ?? reportRoutedTopic;
  configureOutboundBreakers(config);
  const engine = new DeliveryEngine({
    service: config.SERVICE_NAME,
    kafka,
    serde,
    logger,
    outage: outagePolicyOf(config),
  });
  const submitReport = new SubmitReport(
    loadModel(config.TRIAGE_MODEL_FILE),
    store,
    new RoutedReportPublisher(producer, topic),
    {
      threshold: config.TRIAGE_REVIEW_THRESHOLD,
      duplicateRadiusMetres: config.DUPLICATE_RADIUS_METRES,
      metrics: new TriageMetrics(engine.metricsRegistry),
      officeAreas: officeAreasSchema.parse(JSON.parse(config.OFFICE_AREAS_JSON)),
    },
  );
  let publicBaseUrl = config.PUBLIC_BASE_URL ?? '';
  const office = new OfficeWebhookClient({
    url: config.OFFICE_WEBHOOK_URL,
    secret: config.OFFICE_WEBHOOK_SECRET,
    timeoutMs: config.OFFICE_TIMEOUT_MS,
    callbackUrl: () => `${publicBaseUrl}/open311/office/status-changes`,
  });

  const app = await NestFactory.create<NestExpressApplication>(
    Open311Module.with({
      store,
      submitReport,
      overrides,
      ledger,
      office,
      apiKeys: new KeySet(config.OPEN311_API_KEYS),
      staffKeys: new KeySet(config.OPEN311_STAFF_KEYS),
      officeSecret: config.OFFICE_WEBHOOK_SECRET,
      logger,
    }),
    // Raw bodies for the office callback's signature; Nest types its options as a class.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    { rawBody: true, bodyParser: false, logger: false },
  );
  app.useBodyParser('json', { limit: config.MAX_BODY_BYTES });
  app.useBodyParser('urlencoded', { limit: config.MAX_BODY_BYTES, extended: false });
  app.useGlobalFilters(
    new Open311ErrorFilter((error) => {
      logger.error({ err: error }, 'unexpected error');
    }),
  );
  const transport = new KafkaTransport(engine, {
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    topics: { [reportRoutedTopic]: topic },
  });

  const microservice = app.connectMicroservice(
    { strategy: transport },
    { inheritAppConfig: false },
  );
  microservice.useGlobalFilters(new PassErrorsToDelivery());
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  const { port } = app.getHttpServer().address() as { port: number };

  const ops = await startOpsServer({
    port: config.OPS_PORT,
    metrics: engine.metricsRegistry,
    readiness: clients.readiness,
  });
  const url = `http://${config.HTTP_HOST}:${port}`;
  publicBaseUrl ||= url;
  return {
    url,
    baseUrl: `${url}/open311/v2`,
    opsPort: ops.port,
    async stop() {
      await app.close();
      ops.server.close();
      await clients.close();
    },
  };
}
