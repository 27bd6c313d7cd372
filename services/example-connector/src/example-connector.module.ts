import { Module } from '@nestjs/common';
import pg from 'pg';
import { endpointAnswers, KIT_CONFIG, migrate, ReadinessProbes } from '@hub/kit';
import type { ExampleConnectorConfig } from './config.js';
import { CitizenStatusChangedHandler } from './citizen-status-changed.handler.js';
import { exampleConnectorMigrations } from './migrations.js';
import { OutboundPort } from './outbound/outbound-port.js';
import { SentLog } from './sent-log.js';

/** The example-connector connector: its handler, the outbound port (ready while the system answers). */
@Module({
  controllers: [CitizenStatusChangedHandler],
  providers: [
    {
      provide: OutboundPort,
      useFactory: (config: ExampleConnectorConfig, probes: ReadinessProbes) => {
        probes.register('outbound', endpointAnswers(config.OUTBOUND_URL));
        return new OutboundPort(config.OUTBOUND_URL, config.OUTBOUND_TIMEOUT_MS);
      },
      inject: [KIT_CONFIG, ReadinessProbes],
    },
    {
      provide: SentLog,
      useFactory: async (pool: pg.Pool) => {
        await migrate(pool, [exampleConnectorMigrations]);
        return new SentLog();
      },
      inject: [pg.Pool],
    },
  ],
})
export class ExampleConnectorModule {}
