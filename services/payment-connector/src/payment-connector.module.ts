import pg from 'pg';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Registry } from 'prom-client';
import {
  endpointAnswers,
  EventProducer,
  KIT_CONFIG,
  KIT_LOGGER,
  ReadinessProbes,
  leasedRound,
  RoundTimer,
  type KitLogger,
  storeProvider,
} from '@hub/kit';
import { XBezahldiensteClient, type ProviderProfile } from '@hub/xbezahldienste';
import {
  APPLICATION_REJECTED_DEPS,
  ApplicationRejectedHandler,
  type ApplicationRejectedDeps,
} from './application-rejected.handler.js';
import { BackgroundChecks } from './background-checks.js';
import { providerProfileOf, type PaymentConnectorConfig } from './config.js';
import { PAYMENT_HTTP_OPTIONS, PaymentEndpoints } from './http/payment-endpoints.controller.js';
import type { PaymentHttpOptions } from './http/payment-http-server.js';
import { PaymentEvents } from './payment-events.js';
import { PaymentMetrics } from './payment-metrics.js';
import {
  PAYMENT_REQUESTED_DEPS,
  PaymentRequestedHandler,
  type PaymentRequestedDeps,
} from './payment-requested.handler.js';
import { PaymentStore } from './payment-store.js';
import { PaymentVerifier } from './payment-verifier.js';
import { pollOpenPayments, type PollSettings } from './poll/abandoned-poller.js';

export const PROVIDER_PROFILE = Symbol('payment-connector.provider-profile');
export const POLL_SETTINGS = Symbol('payment-connector.poll-settings');
export const POLL_ROUNDS = Symbol('payment-connector.poll-rounds');
const PUBLIC_BASE_URL = Symbol('payment-connector.public-base-url');

/** Lets the status checks finish and closes the provider client, before the pool closes. */
class PaymentResources implements OnApplicationShutdown {
  constructor(
    @Inject(BackgroundChecks) private readonly checks: BackgroundChecks,
    @Inject(XBezahldiensteClient) private readonly client: XBezahldiensteClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.checks.idle();
    this.client.close();
  }
}

/** How the provider and the citizen reach this service; asked when a link is made (after listen). */
function publicBaseUrl(config: PaymentConnectorConfig, http: HttpAdapterHost): () => string {
  return () => {
    if (config.PUBLIC_BASE_URL) return config.PUBLIC_BASE_URL.replace(/\/$/, '');
    const server = http.httpAdapter.getHttpServer() as Server;
    const { port } = server.address() as AddressInfo;
    return `http://127.0.0.1:${String(port)}`;
  };
}

/**
 * The payment connector: two handlers, the return and notification endpoints (HTTP_PORT), the
 * provider port (ready only while the provider answers), status checks and the poller.
 */
@Module({
  controllers: [PaymentRequestedHandler, ApplicationRejectedHandler, PaymentEndpoints],
  providers: [
    { provide: PROVIDER_PROFILE, useFactory: providerProfileOf, inject: [KIT_CONFIG] },
    {
      provide: XBezahldiensteClient,
      useFactory: (profile: ProviderProfile, probes: ReadinessProbes) => {
        probes.register('payment-provider', endpointAnswers(profile.baseUrl));
        return new XBezahldiensteClient(profile);
      },
      inject: [PROVIDER_PROFILE, ReadinessProbes],
    },
    storeProvider(PaymentStore),
    {
      provide: PaymentMetrics,
      useFactory: (registry: Registry) => new PaymentMetrics(registry),
      inject: [Registry],
    },
    {
      provide: PaymentEvents,
      useFactory: (producer: EventProducer) => new PaymentEvents(producer),
      inject: [EventProducer],
    },
    {
      provide: PaymentVerifier,
      useFactory: (
        client: XBezahldiensteClient,
        store: PaymentStore,
        events: PaymentEvents,
        metrics: PaymentMetrics,
        logger: KitLogger,
      ) => new PaymentVerifier(client, store, events, metrics, logger),
      inject: [XBezahldiensteClient, PaymentStore, PaymentEvents, PaymentMetrics, KIT_LOGGER],
    },
    {
      provide: BackgroundChecks,
      useFactory: (verifier: PaymentVerifier, logger: KitLogger) =>
        new BackgroundChecks(verifier, logger),
      inject: [PaymentVerifier, KIT_LOGGER],
    },
    {
      provide: PUBLIC_BASE_URL,
      useFactory: publicBaseUrl,
      inject: [KIT_CONFIG, HttpAdapterHost],
    },
    {
      provide: PAYMENT_HTTP_OPTIONS,
      useFactory: (
        store: PaymentStore,
        checks: BackgroundChecks,
        metrics: PaymentMetrics,
        logger: KitLogger,
        profile: ProviderProfile,
        config: PaymentConnectorConfig,
      ): PaymentHttpOptions => ({
        store,
        checks,
        metrics,
        logger,
        signature: profile.notifications,
        portalReturnUrl: config.PORTAL_RETURN_URL,
      }),
      inject: [
        PaymentStore,
        BackgroundChecks,
        PaymentMetrics,
        KIT_LOGGER,
        PROVIDER_PROFILE,
        KIT_CONFIG,
      ],
    },
    {
      provide: PAYMENT_REQUESTED_DEPS,
      useFactory: (
        client: XBezahldiensteClient,
        store: PaymentStore,
        events: PaymentEvents,
        verifier: PaymentVerifier,
        profile: ProviderProfile,
        url: () => string,
      ): PaymentRequestedDeps => ({
        client,
        store,
        events,
        verifier,
        provider: profile.name,
        urlsFor: (paymentId) => ({
          returnUrl: `${url()}/payments/return/${paymentId}`,
          notificationUrl: `${url()}/payments/notifications`,
        }),
      }),
      inject: [
        XBezahldiensteClient,
        PaymentStore,
        PaymentEvents,
        PaymentVerifier,
        PROVIDER_PROFILE,
        PUBLIC_BASE_URL,
      ],
    },
    {
      provide: APPLICATION_REJECTED_DEPS,
      useFactory: (
        client: XBezahldiensteClient,
        store: PaymentStore,
        events: PaymentEvents,
        verifier: PaymentVerifier,
        metrics: PaymentMetrics,
        logger: KitLogger,
      ): ApplicationRejectedDeps => ({ client, store, events, verifier, metrics, logger }),
      inject: [
        XBezahldiensteClient,
        PaymentStore,
        PaymentEvents,
        PaymentVerifier,
        PaymentMetrics,
        KIT_LOGGER,
      ],
    },
    {
      provide: POLL_SETTINGS,
      useFactory: (profile: ProviderProfile, config: PaymentConnectorConfig): PollSettings => ({
        provider: profile.name,
        pollAfterMs: config.POLL_AFTER_MS,
        abandonDeadlineMs: config.ABANDON_DEADLINE_MS,
      }),
      inject: [PROVIDER_PROFILE, KIT_CONFIG],
    },
    {
      provide: POLL_ROUNDS,
      useFactory: (
        store: PaymentStore,
        verifier: PaymentVerifier,
        settings: PollSettings,
        config: PaymentConnectorConfig,
        logger: KitLogger,
        pool: pg.Pool,
      ) =>
        // One instance at a time checks the open payments; the others skip the round.
        new RoundTimer(
          leasedRound(pool, `${config.SERVICE_NAME}.payment-poll`, () =>
            pollOpenPayments(store, verifier, settings, logger),
          ),
          {
            intervalMs: config.POLL_INTERVAL_MS,
            logger,
            onFailure: 'poll round failed; retried at the next interval',
          },
        ),
      inject: [PaymentStore, PaymentVerifier, POLL_SETTINGS, KIT_CONFIG, KIT_LOGGER, pg.Pool],
    },
    PaymentResources,
  ],
})
export class PaymentConnectorModule {}
