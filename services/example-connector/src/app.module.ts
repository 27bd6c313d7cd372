import { Module } from '@nestjs/common';
import pg from 'pg';
import { ApplicationSubmittedHandler } from './application-submitted.handler.js';
import { receiptsTable } from './receipts.js';

const RECEIPTS_TABLE = Symbol('example-connector.receipts-table');

/** The connector's own parts; the kit's clients (ledger, pool, producer, …) are injected. */
@Module({
  controllers: [ApplicationSubmittedHandler],
  providers: [
    {
      provide: RECEIPTS_TABLE,
      useFactory: (pool: pg.Pool) => pool.query(receiptsTable),
      inject: [pg.Pool],
    },
  ],
})
export class AppModule {}
