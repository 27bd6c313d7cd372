import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  topics,
  type ApplicationDelivered,
  type ApplicationSubmitted,
  type LabReportReceived,
  type PaymentFailed,
  type PaymentLinkIssued,
  type PaymentRefunded,
  type PaymentSettled,
  type StatusReported,
} from '@hub/contracts';
import { KitEvent, type EventContext } from '@hub/kit';
import { RoutingTable } from '@hub/routing';
import type { Case } from './case.js';
import {
  onDelivered,
  onPaymentFailed,
  onPaymentLinkIssued,
  onPaymentRefunded,
  onPaymentSettled,
  onSubmitted,
  unchanged,
  type Decision,
  type DecisionSettings,
} from './case-decisions.js';
import { CaseRouter, requireCase } from './case-router.js';
import { onLabReport } from './lab-report-decisions.js';
import { onStatusReported } from './status-decisions.js';

/** A status may overtake its delivery confirmation: it waits for it up to about 50 s. */
const earlyStatusRetry = { maxAttempts: 9, maxDelayMs: 30_000 };

/** The router's eight inputs: event → decision. Each is one consumer group `case-router.<name>`. */
@Controller()
export class CaseRouterHandlers {
  constructor(
    @Inject(CaseRouter) private readonly router: CaseRouter,
    @Inject(RoutingTable) private readonly routing: RoutingTable,
  ) {}

  @KitEvent(topics.applicationSubmitted, { name: 'application-submitted' })
  async applicationSubmitted(
    @Payload() submitted: ApplicationSubmitted,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.decide(submitted.applicationId, context, (current, settings) =>
      current
        ? unchanged(current, 'already routed')
        : onSubmitted(
            submitted,
            this.routing.find(submitted.serviceKey, submitted.municipalityKey),
            settings,
          ),
    );
  }

  @KitEvent(topics.paymentSettled, { name: 'payment-settled' })
  async paymentSettled(
    @Payload() settled: PaymentSettled,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.decide(settled.applicationId, context, (current, settings) =>
      onPaymentSettled(requireCase(current, settled.applicationId), settled, settings),
    );
  }

  @KitEvent(topics.paymentLinkIssued, { name: 'payment-link-issued' })
  async paymentLinkIssued(
    @Payload() link: PaymentLinkIssued,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.decide(link.applicationId, context, (current) =>
      onPaymentLinkIssued(requireCase(current, link.applicationId), link),
    );
  }

  @KitEvent(topics.paymentRefunded, { name: 'payment-refunded' })
  async paymentRefunded(
    @Payload() refund: PaymentRefunded,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.decide(refund.applicationId, context, (current) =>
      onPaymentRefunded(requireCase(current, refund.applicationId), refund),
    );
  }

  @KitEvent(topics.paymentFailed, { name: 'payment-failed' })
  async paymentFailed(
    @Payload() failed: PaymentFailed,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.decide(failed.applicationId, context, (current) =>
      onPaymentFailed(requireCase(current, failed.applicationId), failed),
    );
  }

  @KitEvent(topics.applicationDelivered, { name: 'application-delivered' })
  async applicationDelivered(
    @Payload() delivered: ApplicationDelivered,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.decide(delivered.applicationId, context, (current) =>
      onDelivered(requireCase(current, delivered.applicationId), delivered),
    );
  }

  @KitEvent(topics.statusReported, { name: 'status-reported', retry: earlyStatusRetry })
  async statusReported(
    @Payload() status: StatusReported,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.decide(status.applicationId, context, (current) =>
      onStatusReported(requireCase(current, status.applicationId), status),
    );
  }

  /**
   * A lab report the hub ordered for an application. One the health office ordered itself (no
   * application), or one for an application this router never saw, is passed over: neither
   * retried nor dead-lettered, since no later event will make it the router's.
   */
  @KitEvent(topics.labReportReceived, { name: 'lab-report-received' })
  async labReportReceived(
    @Payload() report: LabReportReceived,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { applicationId } = report;
    if (!applicationId) return;
    await this.decide(applicationId, context, (current) =>
      current ? onLabReport(current, report) : undefined,
    );
  }

  private async decide(
    applicationId: string,
    context: EventContext,
    decide: (current: Case | undefined, settings: DecisionSettings) => Decision | undefined,
  ): Promise<void> {
    await this.router.decideOnce(applicationId, context, (current) =>
      decide(current, this.router.decisionSettings()),
    );
  }
}
