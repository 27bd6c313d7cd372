import type { ApplicationDelivered, DeliveryRequested } from '@hub/contracts';
import { schemaType } from '@hub/contracts';
import { HubError } from '@hub/errors';
import {
  outboundId,
  type EventContext,
  type EventProducer,
  type HandlerDefinition,
  type IdempotencyLedger,
  type RetryPolicy,
} from '@hub/kit';
import type { XoevValidator } from '@hub/xoev';
import { fromDeliveryRequested } from './map/from-delivery-requested.js';
import type { DeliveredRecipients } from './replies/delivered-recipients.js';
import type { DvdvParty } from './map/building-permit-application.js';
import { toBaugenehmigungAntrag } from './map/to-baugenehmigung-antrag.js';
import { xbauReleases } from './map/xbau-releases.js';
import { rejectionReasons } from './validation-reasons.js';
import type { XbauTransport } from './xta/xbau-transport.js';

export const deliveryRequestedTopic = 'procedure.delivery-requested.v1';
export const applicationDeliveredTopic = 'procedure.application-delivered.v1';
const messageType = 'baugenehmigung.antrag.0200';
const product = { name: 'integration-hub', vendor: 'integration-hub', version: '0.1.0' } as const;

export interface DeliveryRequestedDependencies {
  readonly ledger: IdempotencyLedger;
  readonly producer: EventProducer;
  readonly validator: XoevValidator;
  readonly transport: XbauTransport;
  readonly recipients: Pick<DeliveredRecipients, 'remember'>;
  /** The hub's identity for requests that name no author (sent before routes carried one). */
  readonly author: DvdvParty;
  readonly group: string;
  readonly retry: Partial<RetryPolicy>;
  readonly now?: () => Date;
}

/** procedure.delivery-requested.v1 → XBau 0200 → XTA → procedure.application-delivered.v1, once. */
export function deliveryRequestedHandler(
  deps: DeliveryRequestedDependencies,
): HandlerDefinition<DeliveryRequested> {
  const now = deps.now ?? (() => new Date());
  return {
    name: 'delivery-requested',
    topic: deliveryRequestedTopic,
    type: schemaType('procedure/delivery-requested'),
    retry: deps.retry,
    async handle(request, context) {
      // Before the ledger's transaction takes a connection, and committed before anything is
      // sent: the reply may come back before this handler commits, and is accepted only from the
      // authority recorded here. Idempotent, so a redelivered request records the same again.
      await deps.recipients.remember(
        request.applicationId,
        request.recipient.authorityId,
        context.traceparent,
      );
      await deps.ledger.once(context.eventId, deps.group, async () => {
        const xbauVersion = releaseOf(request);
        // Derived from the event id: a redelivered request carries the same nachrichtenUUID.
        const nachrichtenUUID = outboundId(context.eventId, 'xbau-0200');
        const author = authorOf(request, deps.author);
        const xml = toBaugenehmigungAntrag(fromDeliveryRequested(request), {
          xbauVersion,
          nachrichtenUUID,
          createdAt: request.requestedAt,
          author,
          reader: { id: request.recipient.authorityId, name: request.recipient.name },
          product,
        });
        await assertValid(deps.validator, xml);
        const transportMessageId = await deps.transport.send(xml, {
          author: author.id,
          reader: request.recipient.authorityId,
          service: 'urn:xoev-de:bmk:standard:xbau',
          businessScenario: 'XBAU_BAUGENEHMIGUNG',
          messageType: { code: '0200', payloadSchema: xbauReleases[xbauVersion].namespace },
        });
        await publishDelivered(deps.producer, context, {
          applicationId: request.applicationId,
          deliveredAt: now(),
          recipientAuthorityId: request.recipient.authorityId,
          transportMessageId,
          nachrichtenUUID,
          standard: 'XBAU',
          standardVersion: xbauVersion,
          messageType,
        });
      });
    },
  };
}

/** The route names the author (ADR 0013); the configured identity stands in for older requests. */
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
  await producer.publish(applicationDeliveredTopic, schemaType('procedure/application-delivered'), {
    key: delivered.applicationId,
    value: delivered,
    causedBy: cause,
  });
}
