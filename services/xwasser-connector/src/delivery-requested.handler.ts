import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { topics, type DeliveryRequested } from '@hub/contracts';
import {
  EventProducer,
  IdempotencyLedger,
  KIT_CONFIG,
  KitEvent,
  type EventContext,
} from '@hub/kit';
import type { XwasserParty } from '@hub/xoev';
import type { XwasserConnectorConfig } from './config.js';
import { LabOrderClient } from './lab-orders/lab-order.client.js';
import { LabOrders } from './lab-orders/lab-orders.js';
import { toLabOrder } from './lab-orders/to-lab-order.js';

/** A citizen's drinking-water application → one examination ordered from the lab → delivered. */
@Controller()
export class DeliveryRequestedHandler {
  private readonly office: XwasserParty;

  constructor(
    @Inject(IdempotencyLedger) private readonly ledger: IdempotencyLedger,
    @Inject(EventProducer) private readonly producer: EventProducer,
    @Inject(LabOrders) private readonly orders: LabOrders,
    @Inject(LabOrderClient) private readonly lab: LabOrderClient,
    @Inject(KIT_CONFIG) config: XwasserConnectorConfig,
  ) {
    this.office = { id: config.HEALTH_OFFICE_ID, name: config.HEALTH_OFFICE_NAME };
  }

  @KitEvent(topics.xwasserDeliveryRequested, { name: 'delivery-requested' })
  async handle(@Payload() request: DeliveryRequested, @Ctx() context: EventContext): Promise<void> {
    const order = toLabOrder(request, context.eventId, this.office);
    // Recorded before the order leaves, with the application's trace for the report's events.
    await this.orders.remember(order, request.applicationId, context.traceparent);
    // No transaction is held while the lab answers (ADR 0022).
    await this.ledger.onceRemote(context.eventId, context.group, async () => {
      await this.lab.order(order);
      await this.producer.publish(topics.applicationDelivered, {
        key: request.applicationId,
        value: {
          applicationId: request.applicationId,
          deliveredAt: new Date(),
          recipientAuthorityId: request.recipient.authorityId,
          transportMessageId: order.orderId,
          nachrichtenUUID: order.orderId,
          standard: 'XWASSER',
          standardVersion: request.standardVersion,
          messageType: request.messageType,
        },
        causedBy: context,
      });
    });
  }
}
