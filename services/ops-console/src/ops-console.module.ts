import { randomBytes } from 'node:crypto';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Router } from 'express';
import { Kafka, type Admin } from 'kafkajs';
import pg from 'pg';
import { SchemaRegistryClient } from '@hub/avro-serde';
import { KIT_CONFIG, migrate } from '@hub/kit';
import { OperatorTokens } from './auth/operator-tokens.js';
import { CsrfTokens } from './auth/session.js';
import { healthTargetsOf, type OpsConsoleConfig } from './config.js';
import { DeadLetterSource } from './dead-letters/dead-letter-source.js';
import { DeadLetterReplayer } from './replay/replay-dead-letters.js';
import { ReplayAudit } from './replay/replay-audit.js';
import { opsConsoleMigrations } from './migrations.js';
import { consoleRoutes } from './routes/console-routes.js';
import { CaseHistory } from './sources/case-history.js';
import { CitizenTimeline } from './sources/citizen-timeline.js';
import { ZipkinTraces } from './sources/zipkin-traces.js';

/** The console's pages as one express router (served on HTTP_PORT, see ops-console.ts). */
export const CONSOLE_ROUTES = Symbol('ops-console.routes');
const KAFKA_ADMIN = Symbol('ops-console.kafka-admin');

/** Disconnects the replay producer and the admin client after HTTP has closed. */
class ConsoleConnections implements OnApplicationShutdown {
  constructor(
    @Inject(DeadLetterReplayer) private readonly replayer: DeadLetterReplayer,
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.replayer.disconnect(), this.admin.disconnect()]);
  }
}

/** The ops console: no Kafka handlers; pages over the database, Kafka, registry and Zipkin. */
@Module({
  providers: [
    {
      provide: ReplayAudit,
      useFactory: async (pool: pg.Pool) => {
        await migrate(pool, [opsConsoleMigrations]);
        return new ReplayAudit(pool);
      },
      inject: [pg.Pool],
    },
    {
      provide: DeadLetterSource,
      useFactory: (kafka: Kafka) => new DeadLetterSource(kafka),
      inject: [Kafka],
    },
    {
      provide: DeadLetterReplayer,
      useFactory: async (kafka: Kafka, source: DeadLetterSource, audit: ReplayAudit) => {
        const replayer = new DeadLetterReplayer(kafka, source, audit);
        await replayer.connect();
        return replayer;
      },
      inject: [Kafka, DeadLetterSource, ReplayAudit],
    },
    {
      provide: KAFKA_ADMIN,
      useFactory: async (kafka: Kafka) => {
        const admin = kafka.admin();
        await admin.connect();
        return admin;
      },
      inject: [Kafka],
    },
    ConsoleConnections,
    {
      provide: CONSOLE_ROUTES,
      useFactory: (
        config: OpsConsoleConfig,
        pool: pg.Pool,
        registry: SchemaRegistryClient,
        deadLetters: DeadLetterSource,
        replayer: DeadLetterReplayer,
        audit: ReplayAudit,
        admin: Admin,
      ): Router =>
        consoleRoutes({
          tokens: new OperatorTokens({
            jwksFile: config.JWKS_FILE,
            jwksUrl: config.JWKS_URL,
            issuer: config.JWT_ISSUER,
            audience: config.JWT_AUDIENCE,
          }),
          csrf: new CsrfTokens(randomBytes(32)),
          cookieSecure: config.COOKIE_SECURE,
          cases: new CaseHistory(pool),
          citizen: new CitizenTimeline(pool),
          zipkin: new ZipkinTraces(config.ZIPKIN_URL),
          deadLetters,
          replayer,
          audit,
          registry,
          admin,
          healthTargets: healthTargetsOf(config.HEALTH_TARGETS_JSON) ?? {},
          stuckAfterMinutes: config.STUCK_AFTER_MINUTES,
        }),
      inject: [
        KIT_CONFIG,
        pg.Pool,
        SchemaRegistryClient,
        DeadLetterSource,
        DeadLetterReplayer,
        ReplayAudit,
        KAFKA_ADMIN,
      ],
    },
  ],
})
export class OpsConsoleModule {}
