import type { HandlerDefinition } from '@hub/kit';
import type { RoutingTable } from '@hub/routing';
import {
  onDelivered,
  onPaymentFailed,
  onPaymentLinkIssued,
  onPaymentRefunded,
  onPaymentSettled,
  onSubmitted,
  unchanged,
  type Decision,
} from './case-decisions.js';
import { requireCase, type CaseRouter } from './case-router.js';
import { onStatusReported } from './status-decisions.js';

/** A status may overtake its delivery confirmation: it waits for it up to about 50 s. */
const earlyStatusRetry = { maxAttempts: 9, maxDelayMs: 30_000 };

/** The router's seven inputs: topic → decision. Each is one consumer group `case-router.<name>`. */
export function caseRouterHandlers(
  router: CaseRouter,
  routing: RoutingTable,
): HandlerDefinition<never>[] {
  return [
    router.handler(
      'application-submitted',
      'portal.application-submitted.v1',
      'portal/application-submitted',
      (current, submitted, settings): Decision =>
        current
          ? unchanged(current, 'already routed')
          : onSubmitted(
              submitted,
              routing.find(submitted.serviceKey, submitted.municipalityKey),
              settings,
            ),
    ),
    router.handler(
      'payment-settled',
      'payment.payment-settled.v1',
      'payment/payment-settled',
      (current, settled, settings) =>
        onPaymentSettled(requireCase(current, settled.applicationId), settled, settings),
    ),
    router.handler(
      'payment-link-issued',
      'payment.payment-link-issued.v1',
      'payment/payment-link-issued',
      (current, link) => onPaymentLinkIssued(requireCase(current, link.applicationId), link),
    ),
    router.handler(
      'payment-refunded',
      'payment.payment-refunded.v1',
      'payment/payment-refunded',
      (current, refund) => onPaymentRefunded(requireCase(current, refund.applicationId), refund),
    ),
    router.handler(
      'payment-failed',
      'payment.payment-failed.v1',
      'payment/payment-failed',
      (current, failed) => onPaymentFailed(requireCase(current, failed.applicationId), failed),
    ),
    router.handler(
      'application-delivered',
      'procedure.application-delivered.v1',
      'procedure/application-delivered',
      (current, delivered) => onDelivered(requireCase(current, delivered.applicationId), delivered),
    ),
    router.handler(
      'status-reported',
      'procedure.status-reported.v1',
      'procedure/status-reported',
      (current, status) => onStatusReported(requireCase(current, status.applicationId), status),
      earlyStatusRetry,
    ),
  ];
}
