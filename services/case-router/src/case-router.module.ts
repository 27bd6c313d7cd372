import { Module, type DynamicModule } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import pg from 'pg';
import { Registry } from 'prom-client';
import {
  ensureTopics,
  EventProducer,
  IdempotencyLedger,
  KIT_CONFIG,
  KIT_LOGGER,
  leasedRound,
  RoundTimer,
  type KitLogger,
  storeProvider,
} from '@hub/kit';
import { RoutingTable } from '@hub/routing';
import { onDeadline } from './case-decisions.js';
import { CaseRouterMetrics } from './case-router-metrics.js';
import { CaseRouter } from './case-router.js';
import { CaseStore } from './case-store.js';
import type { CaseRouterConfig } from './config.js';
import { deadLetterWatchers, watchedDeadLetterTopics } from './dead-letter-watch.js';
import { CaseRouterHandlers } from './handlers.js';
import { checkStuckApplications } from './stuck-watchdog.js';

/** The dead-letter watchers: handlers built from the catalogue, one per delivery-chain group. */
export const DEAD_LETTER_WATCHERS = Symbol('case-router.dead-letter-watchers');
export const DEADLINE_ROUNDS = Symbol('case-router.deadline-rounds');
export const STUCK_ROUNDS = Symbol('case-router.stuck-rounds');

export interface CaseRouterOptions {
  /** The router's clock (tests); the system clock otherwise. */
  readonly now?: () => Date;
}

/**
 * The case router: eight decision handlers, the dead-letter watchers of the delivery chain, and
 * two timers (deadlines, stuck applications) whose rounds never overlap.
 */
@Module({})
export class CaseRouterModule {
  static with(options: CaseRouterOptions = {}): DynamicModule {
    return {
      module: CaseRouterModule,
      controllers: [CaseRouterHandlers],
      providers: [
        storeProvider(CaseStore),
        {
          provide: CaseRouter,
          useFactory: (
            store: CaseStore,
            ledger: IdempotencyLedger,
            producer: EventProducer,
            pool: pg.Pool,
            config: CaseRouterConfig,
          ) =>
            new CaseRouter(store, ledger, producer, pool, {
              transportReportDeadlineMs: config.TRANSPORT_REPORT_DEADLINE_MS,
              paymentDeadlineMs: config.PAYMENT_DEADLINE_MS,
              ...(options.now ? { now: options.now } : {}),
            }),
          inject: [CaseStore, IdempotencyLedger, EventProducer, pg.Pool, KIT_CONFIG],
        },
        {
          provide: RoutingTable,
          useFactory: (config: CaseRouterConfig) =>
            RoutingTable.fromFile(config.ROUTING_TABLE_FILE),
          inject: [KIT_CONFIG],
        },
        {
          provide: CaseRouterMetrics,
          useFactory: (registry: Registry) => new CaseRouterMetrics(registry),
          inject: [Registry],
        },
        {
          provide: DEAD_LETTER_WATCHERS,
          useFactory: async (
            kafka: Kafka,
            router: CaseRouter,
            metrics: CaseRouterMetrics,
            logger: KitLogger,
            config: CaseRouterConfig,
          ) => {
            const peers = config.PEER_SERVICE_NAMES_JSON;
            // The watched topics may not exist yet when no connector has dead-lettered anything.
            await ensureTopics(
              kafka,
              watchedDeadLetterTopics(peers).map((topic) => ({ topic, partitions: 1 })),
            );
            return deadLetterWatchers(router, metrics, logger, peers);
          },
          inject: [Kafka, CaseRouter, CaseRouterMetrics, KIT_LOGGER, KIT_CONFIG],
        },
        {
          provide: DEADLINE_ROUNDS,
          useFactory: (
            router: CaseRouter,
            pool: pg.Pool,
            config: CaseRouterConfig,
            logger: KitLogger,
          ) =>
            // Scheduled work is done by one instance at a time; the others skip the round.
            new RoundTimer(
              leasedRound(pool, `${config.SERVICE_NAME}.deadlines`, () =>
                router.applyDeadlines(pool, onDeadline),
              ),
              {
                intervalMs: config.DEADLINE_SCAN_INTERVAL_MS,
                logger,
                onFailure: 'deadline scan failed; retried at the next interval',
              },
            ),
          inject: [CaseRouter, pg.Pool, KIT_CONFIG, KIT_LOGGER],
        },
        {
          provide: STUCK_ROUNDS,
          useFactory: (
            router: CaseRouter,
            store: CaseStore,
            metrics: CaseRouterMetrics,
            config: CaseRouterConfig,
            logger: KitLogger,
            pool: pg.Pool,
          ) =>
            new RoundTimer(
              leasedRound(pool, `${config.SERVICE_NAME}.stuck-watchdog`, () =>
                checkStuckApplications(
                  store,
                  metrics,
                  logger,
                  config.WATCHDOG_STUCK_AFTER_MS,
                  router.decisionSettings().now,
                ),
              ),
              {
                intervalMs: config.DEADLINE_SCAN_INTERVAL_MS,
                logger,
                onFailure: 'stuck scan failed; retried at the next interval',
              },
            ),
          inject: [CaseRouter, CaseStore, CaseRouterMetrics, KIT_CONFIG, KIT_LOGGER, pg.Pool],
        },
      ],
    };
  }
}
