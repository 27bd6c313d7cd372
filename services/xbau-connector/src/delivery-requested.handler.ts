import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { topics, type ApplicationDelivered, type DeliveryRequested } from '@hub/contracts';
import { HubError } from '@hub/errors';
import {
  EventProducer,
  IdempotencyLedger,
  KIT_CONFIG,
  KitEvent,
  outboundId,
  type EventContext,
} from '@hub/kit';
import { XoevValidator } from '@hub/xoev';
import type { XbauConnectorConfig } from './config.js';
import { fromDeliveryRequested } from './map/from-delivery-requested.js';
import { DeliveredRecipients } from './replies/delivered-recipients.js';
import type { DvdvParty } from './map/building-permit-application.js';
import { toBaugenehmigungAntrag } from './map/to-baugenehmigung-antrag.js';
import { xbauReleases } from './map/xbau-releases.js';
import { rejectionReasons } from './validation-reasons.js';
import { XbauTransport } from './xta/xbau-transport.js';

const messageType = 'baugenehmigung.antrag.0200';
const product = { name: 'integration-hub', vendor: 'integration-hub', version: '0.1.0' } as const;

/** delivery requested → XBau 0200 → XTA → application delivered, once per event. */
@Controller()
export class DeliveryRequestedHandler {
  private readonly author: DvdvParty;

  constructor(
    @Inject(IdempotencyLedger) private readonly ledger: IdempotencyLedger,
    @Inject(EventProducer) private readonly producer: EventProducer,
    @Inject(XoevValidator) private readonly validator: XoevValidator,
    @Inject(XbauTransport) private readonly transport: XbauTransport,
    @Inject(DeliveredRecipients) private readonly recipients: DeliveredRecipients,
    @Inject(KIT_CONFIG) config: XbauConnectorConfig,
  ) {
    this.author = { id: config.XTA_AUTHOR_ID, name: config.XTA_AUTHOR_NAME };
  }

  @KitEvent(topics.deliveryRequested, { name: 'delivery-requested' })
  async handle(@Payload() request: DeliveryRequested, @Ctx() context: EventContext): Promise<void> {
    // Committed before anything is sent: the reply may come back before this handler is done,
    // and is accepted only from the authority recorded here. Idempotent, so a redelivered
    // request records the same again.
    await this.recipients.remember(
      request.applicationId,
      request.recipient.authorityId,
      context.traceparent,
    );
    // No transaction is held across the SOAP calls (ADR 0022): the event is claimed, sent, done.
    await this.ledger.onceRemote(context.eventId, context.group, async () => {
      const xbauVersion = releaseOf(request);
      // Derived from the event id: a redelivered request carries the same nachrichtenUUID.
      const nachrichtenUUID = outboundId(context.eventId, 'xbau-0200');
      const author = authorOf(request, this.author);
      const xml = toBaugenehmigungAntrag(fromDeliveryRequested(request), {
        xbauVersion,
        nachrichtenUUID,
        createdAt: request.requestedAt,
        author,
        reader: { id: request.recipient.authorityId, name: request.recipient.name },
        product,
      });
      await assertValid(this.validator, xml);
      const transportMessageId = await this.transport.send(
        xml,
        {
          author: author.id,
          reader: request.recipient.authorityId,
          service: 'urn:xoev-de:bmk:standard:xbau',
          businessScenario: 'XBAU_BAUGENEHMIGUNG',
          messageType: { code: '0200', payloadSchema: xbauReleases[xbauVersion].namespace },
        },
        { consumerGroup: context.group, nachrichtenUUID },
      );
      await publishDelivered(this.producer, context, {
        applicationId: request.applicationId,
        deliveredAt: new Date(),
        recipientAuthorityId: request.recipient.authorityId,
        transportMessageId,
        nachrichtenUUID,
        standard: 'XBAU',
        standardVersion: xbauVersion,
        messageType,
      });
    });
  }
}

/** The route names the author (ADR 0014); the configured identity stands in for older requests. */
export function authorOf(request: DeliveryRequested, configured: DvdvParty): DvdvParty {
  return request.author
    ? { id: request.author.authorityId, name: request.author.name }
    : configured;
}

/** The release the case router chose from the routing table (dated switch-over per authority). */
function releaseOf(request: DeliveryRequested): keyof typeof xbauReleases {
  const version = request.standardVersion;
  if (request.standard === 'XBAU' && request.messageType === messageType && isRelease(version))
    return version;
  throw new HubError(
    'XBAU_UNSUPPORTED_REQUEST',
    `Cannot deliver ${request.standard} ${version} ${request.messageType}; supported: XBAU ${Object.keys(xbauReleases).join('/')} ${messageType}`,
    { retryable: false },
  );
}

function isRelease(version: string): version is keyof typeof xbauReleases {
  return Object.hasOwn(xbauReleases, version);
}

async function assertValid(validator: XoevValidator, xml: string): Promise<void> {
  const result = await validator.validate(xml);
  if (result.valid) return;
  throw new HubError(
    'XOEV_INVALID',
    `${result.messageName} is invalid against ${result.schemaSet}:\n${rejectionReasons(result.reasons)}`,
    { retryable: false },
  );
}

async function publishDelivered(
  producer: EventProducer,
  cause: EventContext,
  delivered: ApplicationDelivered,
): Promise<void> {
  await producer.publish(topics.applicationDelivered, {
    key: delivered.applicationId,
    value: delivered,
    causedBy: cause,
  });
}
