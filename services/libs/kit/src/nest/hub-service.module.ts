import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import pg from 'pg';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import type { KitConfig } from '../config/kit-config.js';
import { DeliveryEngine } from '../delivery/delivery-engine.js';
import type { Decoder } from '../delivery/record-delivery.js';
import { IdempotencyLedger } from '../idempotency/idempotency-ledger.js';
import type { KitLogger } from '../observability/logger.js';
import { EventProducer } from '../producer/event-producer.js';
import { connectServiceClients, type ServiceClients } from '../service/service-clients.js';
import { OpsServer } from './ops-server.provider.js';
import { ReadinessProbes } from './readiness-probes.js';
import { KIT_CONFIG, KIT_LOGGER, SERVICE_CLIENTS } from './tokens.js';
import { outagePolicyOf } from '../outage/outage-settings.js';

export interface HubServiceModuleOptions {
  readonly config: KitConfig;
  readonly logger: KitLogger;
  /** Replaces the serde as the handlers' decoder (e.g. dead letters read as raw bytes). */
  readonly decoder?: (serde: AvroSerde) => Decoder;
}

function fromClients(token: unknown, pick: (clients: ServiceClients) => unknown): Provider {
  return { provide: token as string, useFactory: pick, inject: [SERVICE_CLIENTS] };
}

/**
 * The providers every service gets: configuration, logger, PostgreSQL pool, Kafka, registry,
 * serde, event producer, idempotency ledger, metrics registry, readiness probes, the ops server
 * on OPS_PORT, and the delivery engine behind the Kafka transport (the kit's internal).
 * Global, so a service's own module injects them without importing anything.
 */
@Module({})
export class HubServiceModule {
  static forRoot(options: HubServiceModuleOptions): DynamicModule {
    const { config, logger } = options;
    const providers: Provider[] = [
      { provide: KIT_CONFIG, useValue: config },
      { provide: KIT_LOGGER, useValue: logger },
      {
        provide: Registry,
        useFactory: () => {
          const registry = new Registry();
          collectDefaultMetrics({ register: registry });
          return registry;
        },
      },
      { provide: SERVICE_CLIENTS, useFactory: () => connectServiceClients(config) },
      fromClients(pg.Pool, (clients) => clients.pool),
      fromClients(Kafka, (clients) => clients.kafka),
      fromClients(SchemaRegistryClient, (clients) => clients.registry),
      fromClients(AvroSerde, (clients) => clients.serde),
      fromClients(EventProducer, (clients) => clients.producer),
      {
        provide: IdempotencyLedger,
        useFactory: async (pool: pg.Pool) => {
          const ledger = new IdempotencyLedger(pool);
          await ledger.migrate();
          return ledger;
        },
        inject: [pg.Pool],
      },
      {
        provide: ReadinessProbes,
        useFactory: (clients: ServiceClients) => {
          const probes = new ReadinessProbes();
          for (const [name, check] of Object.entries(clients.readiness))
            probes.register(name, check);
          return probes;
        },
        inject: [SERVICE_CLIENTS],
      },
      {
        provide: DeliveryEngine,
        useFactory: (clients: ServiceClients, metricsRegistry: Registry) =>
          new DeliveryEngine({
            service: config.SERVICE_NAME,
            kafka: clients.kafka,
            serde: options.decoder ? options.decoder(clients.serde) : clients.serde,
            metricsRegistry,
            logger,
            outage: outagePolicyOf(config),
          }),
        inject: [SERVICE_CLIENTS, Registry],
      },
      OpsServer,
    ];
    return {
      module: HubServiceModule,
      global: true,
      providers,
      exports: providers,
    };
  }
}
