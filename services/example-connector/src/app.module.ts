import { Module, type DynamicModule } from '@nestjs/common';
import { IdempotencyLedger } from '@hub/kit';
import { ApplicationSubmittedHandler } from './application-submitted.handler.js';

@Module({})
export class AppModule {
  static with(ledger: IdempotencyLedger): DynamicModule {
    return {
      module: AppModule,
      controllers: [ApplicationSubmittedHandler],
      providers: [{ provide: IdempotencyLedger, useValue: ledger }],
    };
  }
}
