import { Controller, Get, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import {
  EventProducer,
  endpointAnswers,
  KIT_CONFIG,
  ReadinessProbes,
  storeProvider,
} from '@hub/kit';
import { RoutingTable } from '@hub/routing';
import { loadXbauTextTypes } from '@hub/xoev';
import { ApplicationRegistry } from './applications/application-registry.js';
import { ApplicationsController } from './applications/applications.controller.js';
import { KafkaSubmittedApplicationPublisher } from './applications/kafka-submitted-application.publisher.js';
import { SubmitApplication } from './applications/submit-application.js';
import { TimelineNotifications } from './applications/timeline-notifications.js';
import { TokenVerifier } from './auth/token-verifier.js';
import type { GatewayConfig } from './config.js';
import { attachmentOrigins } from './door/attachment-refusals.js';
import { IdempotencyStore } from './idempotency/idempotency-store.js';
import { openApiDocument } from './openapi.js';
import { CitizenStatusHandler } from './status/citizen-status.handler.js';

@Controller()
class OpenApiController {
  private readonly document = openApiDocument();

  @Get('openapi.json')
  openApi(): Record<string, unknown> {
    return this.document;
  }
}

/** Ends the LISTEN connection of the live status streams after HTTP has closed. */
class NotificationsLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(TimelineNotifications) private readonly notifications: TimelineNotifications,
  ) {}

  onApplicationShutdown(): Promise<void> {
    return this.notifications.stop();
  }
}

/**
 * The portal gateway: the portal API (HTTP_PORT) and the citizen-status projection. Its
 * outbound endpoint is the identity provider's JWKS URL, when tokens are verified against one.
 */
@Module({
  controllers: [ApplicationsController, OpenApiController, CitizenStatusHandler],
  providers: [
    storeProvider(ApplicationRegistry),
    storeProvider(IdempotencyStore),
    {
      provide: TimelineNotifications,
      useFactory: async (config: GatewayConfig) => {
        const notifications = new TimelineNotifications(config.DATABASE_URL);
        await notifications.start();
        return notifications;
      },
      inject: [KIT_CONFIG],
    },
    NotificationsLifecycle,
    {
      provide: SubmitApplication,
      useFactory: (
        config: GatewayConfig,
        idempotency: IdempotencyStore,
        applications: ApplicationRegistry,
        producer: EventProducer,
      ) =>
        new SubmitApplication(
          RoutingTable.fromFile(config.ROUTING_TABLE_FILE),
          idempotency,
          applications,
          new KafkaSubmittedApplicationPublisher(producer),
          {
            textTypes: loadXbauTextTypes(),
            attachmentOrigins: attachmentOrigins(config.ATTACHMENT_URI_ORIGINS),
          },
        ),
      inject: [KIT_CONFIG, IdempotencyStore, ApplicationRegistry, EventProducer],
    },
    {
      provide: TokenVerifier,
      useFactory: (config: GatewayConfig, probes: ReadinessProbes) => {
        if (config.JWKS_URL) probes.register('identity-provider', endpointAnswers(config.JWKS_URL));
        return new TokenVerifier({
          jwksFile: config.JWKS_FILE,
          jwksUrl: config.JWKS_URL,
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          maxLifetimeSeconds: config.MAX_TOKEN_LIFETIME_SECONDS,
        });
      },
      inject: [KIT_CONFIG, ReadinessProbes],
    },
  ],
})
export class GatewayModule {}
