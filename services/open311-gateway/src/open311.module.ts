import { Module, type DynamicModule } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Registry } from 'prom-client';
import { EventProducer, KIT_CONFIG, storeProvider } from '@hub/kit';
import { loadModel, OverrideStore } from '@hub/triage';
import type { Open311Config } from './config.js';
import { DeliverToOfficeHandler } from './office/deliver-to-office.handler.js';
import { OfficeWebhookClient } from './office/office-webhook.client.js';
import {
  officeSecretToken,
  StatusCallbackController,
} from './office/status-callback.controller.js';
import { DiscoveryController } from './open311/discovery.controller.js';
import { KeySet } from './open311/key-set.js';
import { apiKeysToken, RequestsController } from './open311/requests.controller.js';
import { ServicesController } from './open311/services.controller.js';
import { publicBaseUrl } from './public-base-url.js';
import { RequestStore } from './requests/request-store.js';
import { officeAreasSchema } from './requests/responsible-office.js';
import { RoutedReportPublisher } from './requests/routed-report.publisher.js';
import { SubmitReport } from './requests/submit-report.js';
import { TriageMetrics } from './requests/triage-metrics.js';
import { ReviewController, staffKeysToken } from './staff/review.controller.js';

/** The topic routed reports are published to, when not the catalogue's (tests: `publishingTo`). */
const REPORT_ROUTED_TOPIC = Symbol('open311-gateway.report-routed-topic');

/**
 * The Open311 API, the staff review queue, the office callback and the office delivery handler.
 * The office webhook is no readiness probe: reports are taken and wait in Kafka while an office
 * is down, so the Open311 API stays in service.
 */
@Module({
  controllers: [
    DiscoveryController,
    ServicesController,
    RequestsController,
    ReviewController,
    StatusCallbackController,
    DeliverToOfficeHandler,
  ],
  providers: [
    storeProvider(RequestStore),
    storeProvider(OverrideStore),
    {
      provide: RoutedReportPublisher,
      useFactory: (producer: EventProducer, topic: string | undefined) =>
        new RoutedReportPublisher(producer, topic),
      inject: [EventProducer, { token: REPORT_ROUTED_TOPIC, optional: true }],
    },
    {
      provide: SubmitReport,
      useFactory: (
        config: Open311Config,
        store: RequestStore,
        publisher: RoutedReportPublisher,
        metrics: Registry,
      ) =>
        new SubmitReport(loadModel(config.TRIAGE_MODEL_FILE), store, publisher, {
          threshold: config.TRIAGE_REVIEW_THRESHOLD,
          duplicateRadiusMetres: config.DUPLICATE_RADIUS_METRES,
          metrics: new TriageMetrics(metrics),
          officeAreas: officeAreasSchema.parse(JSON.parse(config.OFFICE_AREAS_JSON)),
        }),
      inject: [KIT_CONFIG, RequestStore, RoutedReportPublisher, Registry],
    },
    {
      provide: OfficeWebhookClient,
      useFactory: (config: Open311Config, http: HttpAdapterHost) =>
        new OfficeWebhookClient({
          url: config.OFFICE_WEBHOOK_URL,
          secret: config.OFFICE_WEBHOOK_SECRET,
          timeoutMs: config.OFFICE_TIMEOUT_MS,
          callbackUrl: () => `${publicBaseUrl(config, http)}/open311/office/status-changes`,
        }),
      inject: [KIT_CONFIG, HttpAdapterHost],
    },
    {
      provide: apiKeysToken,
      useFactory: (config: Open311Config) => new KeySet(config.OPEN311_API_KEYS),
      inject: [KIT_CONFIG],
    },
    {
      provide: staffKeysToken,
      useFactory: (config: Open311Config) => new KeySet(config.OPEN311_STAFF_KEYS),
      inject: [KIT_CONFIG],
    },
    {
      provide: officeSecretToken,
      useFactory: (config: Open311Config) => config.OFFICE_WEBHOOK_SECRET,
      inject: [KIT_CONFIG],
    },
  ],
})
export class Open311Module {
  /** The same module publishing routed reports under another name (a test's topic of its own). */
  static publishingTo(topic: string): DynamicModule {
    return {
      module: Open311Module,
      providers: [{ provide: REPORT_ROUTED_TOPIC, useValue: topic }],
    };
  }
}
