import { Module, type DynamicModule } from '@nestjs/common';
import { IdempotencyLedger, type KitLogger } from '@hub/kit';
import { OverrideStore } from '@hub/triage';
import { DeliverToOfficeHandler } from './office/deliver-to-office.handler.js';
import { OfficeWebhookClient } from './office/office-webhook.client.js';
import {
  loggerToken,
  officeSecretToken,
  StatusCallbackController,
} from './office/status-callback.controller.js';
import { DiscoveryController } from './open311/discovery.controller.js';
import type { KeySet } from './open311/key-set.js';
import { apiKeysToken, RequestsController } from './open311/requests.controller.js';
import { ServicesController } from './open311/services.controller.js';
import { RequestStore } from './requests/request-store.js';
import { SubmitReport } from './requests/submit-report.js';
import { ReviewController, staffKeysToken } from './staff/review.controller.js';

export interface Open311Parts {
  readonly store: RequestStore;
  readonly submitReport: SubmitReport;
  readonly overrides: OverrideStore;
  readonly ledger: IdempotencyLedger;
  readonly office: OfficeWebhookClient;
  readonly apiKeys: KeySet;
  readonly staffKeys: KeySet;
  readonly officeSecret: string;
  readonly logger: KitLogger;
}

/** The Open311 API, the staff review queue, the office callback and the office delivery handler. */
@Module({})
export class Open311Module {
  static with(parts: Open311Parts): DynamicModule {
    return {
      module: Open311Module,
      controllers: [
        DiscoveryController,
        ServicesController,
        RequestsController,
        ReviewController,
        StatusCallbackController,
        DeliverToOfficeHandler,
      ],
      providers: [
        { provide: RequestStore, useValue: parts.store },
        { provide: SubmitReport, useValue: parts.submitReport },
        { provide: OverrideStore, useValue: parts.overrides },
        { provide: IdempotencyLedger, useValue: parts.ledger },
        { provide: OfficeWebhookClient, useValue: parts.office },
        { provide: apiKeysToken, useValue: parts.apiKeys },
        { provide: staffKeysToken, useValue: parts.staffKeys },
        { provide: officeSecretToken, useValue: parts.officeSecret },
        { provide: loggerToken, useValue: parts.logger },
      ],
    };
  }
}
