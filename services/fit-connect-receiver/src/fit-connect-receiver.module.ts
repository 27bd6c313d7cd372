import { fileURLToPath } from 'node:url';
import { Module } from '@nestjs/common';
import pg from 'pg';
import { Registry } from 'prom-client';
import {
  endpointAnswers,
  EventProducer,
  KIT_CONFIG,
  KIT_LOGGER,
  leasedRound,
  migrate,
  ReadinessProbes,
  RoundTimer,
  type KitLogger,
} from '@hub/kit';
import { RoutingTable } from '@hub/routing';
import { AccessToken } from './api/access-token.js';
import { SubmissionApi } from './api/submission-api.js';
import { CallbackController } from './callback/callback.controller.js';
import type { FitConnectReceiverConfig } from './config.js';
import { ApplicationPublisher } from './intake/application-publisher.js';
import { IntakeMetrics } from './intake/intake-metrics.js';
import { pollPendingSubmissions } from './intake/pending-poll.js';
import { SubmissionIntake } from './intake/submission-intake.js';
import { SubmissionLedger } from './intake/submission-ledger.js';
import { SubmissionQueue } from './intake/submission-queue.js';
import { SubmissionSchemas } from './intake/submission-schemas.js';
import { loadDestinationKeys } from './keys/destination-keys.js';
import { fitConnectReceiverMigrations } from './migrations.js';

const deployedRoutingTable = fileURLToPath(
  import.meta.resolve('@hub/deploy-config/routing-table.json'),
);

/** Polls FIT-Connect for pending submissions; exported so tests can run a round at once. */
export const PENDING_POLL = Symbol('PENDING_POLL');

/** The city's FIT-Connect destination: callbacks in, poll as safety net, intake to the hub. */
@Module({
  controllers: [CallbackController],
  providers: [
    {
      provide: SubmissionLedger,
      useFactory: async (pool: pg.Pool) => {
        await migrate(pool, [fitConnectReceiverMigrations]);
        return new SubmissionLedger(pool);
      },
      inject: [pg.Pool],
    },
    {
      provide: IntakeMetrics,
      useFactory: (registry: Registry) => new IntakeMetrics(registry),
      inject: [Registry],
    },
    {
      provide: SubmissionApi,
      useFactory: (config: FitConnectReceiverConfig, probes: ReadinessProbes) => {
        probes.register('fit-connect', endpointAnswers(config.FIT_CONNECT_API_URL));
        const token = new AccessToken({
          tokenUrl: config.FIT_CONNECT_TOKEN_URL,
          clientId: config.FIT_CONNECT_CLIENT_ID,
          clientSecret: config.FIT_CONNECT_CLIENT_SECRET,
          timeoutMs: config.FIT_CONNECT_TIMEOUT_MS,
        });
        return new SubmissionApi(config.FIT_CONNECT_API_URL, token, config.FIT_CONNECT_TIMEOUT_MS);
      },
      inject: [KIT_CONFIG, ReadinessProbes],
    },
    {
      provide: SubmissionQueue,
      useFactory: async (
        config: FitConnectReceiverConfig,
        logger: KitLogger,
        pool: pg.Pool,
        api: SubmissionApi,
        ledger: SubmissionLedger,
        metrics: IntakeMetrics,
        producer: EventProducer,
      ) => {
        const intake = new SubmissionIntake({
          destinationId: config.FIT_CONNECT_DESTINATION_ID,
          api,
          keys: await loadDestinationKeys({
            decryptionKeyFile: config.DECRYPTION_KEY_FILE,
            signingKeyFile: config.SIGNING_KEY_FILE,
          }),
          schemas: new SubmissionSchemas(),
          routing: RoutingTable.fromFile(config.ROUTING_TABLE_FILE ?? deployedRoutingTable),
          ledger,
          publisher: new ApplicationPublisher(producer),
          pool,
          metrics,
          logger,
        });
        return new SubmissionQueue((id) => intake.take(id), config.INTAKE_CONCURRENCY, logger);
      },
      inject: [
        KIT_CONFIG,
        KIT_LOGGER,
        pg.Pool,
        SubmissionApi,
        SubmissionLedger,
        IntakeMetrics,
        EventProducer,
      ],
    },
    {
      provide: PENDING_POLL,
      useFactory: (
        config: FitConnectReceiverConfig,
        logger: KitLogger,
        pool: pg.Pool,
        api: SubmissionApi,
        queue: SubmissionQueue,
        ledger: SubmissionLedger,
        metrics: IntakeMetrics,
      ) =>
        // Across instances one polls per round; the others skip it.
        new RoundTimer(
          leasedRound(pool, `${config.SERVICE_NAME}.pending`, () =>
            pollPendingSubmissions({
              destinationId: config.FIT_CONNECT_DESTINATION_ID,
              api,
              queue,
              ledger,
              metrics,
              warnAfterMs: config.DEADLINE_WARNING_AFTER_MS,
            }),
          ),
          {
            intervalMs: config.POLL_INTERVAL_MS,
            logger,
            onFailure: 'poll of pending submissions failed; the next round tries again',
          },
        ),
      inject: [
        KIT_CONFIG,
        KIT_LOGGER,
        pg.Pool,
        SubmissionApi,
        SubmissionQueue,
        SubmissionLedger,
        IntakeMetrics,
      ],
    },
  ],
})
export class FitConnectReceiverModule {}
