import type { DeliveryRequested } from '@hub/contracts';
import { HubError } from '@hub/errors';
import { outboundId } from '@hub/kit';
import type { XwasserParty } from '@hub/xoev';

/** The form field where the citizen names the tap to sample, as the route requires it. */
export const samplingPointField = 'probennahme.entnahmestelle';

/** What the lab is asked for (its POST /orders): the lab simulator validates the same shape. */
export interface LabOrder {
  readonly orderId: string;
  /** The XWasser vorgangsID the lab's report will name. */
  readonly caseId: string;
  readonly samplingPoint: string;
  /** The health office the report goes to: this connector's own box. */
  readonly reportTo: XwasserParty;
}

/**
 * PURE: a delivery request of the xwasser procedure → the lab order. The ids derive from the
 * request's event id, so a redelivered request is the same order at the lab, never a second one.
 */
export function toLabOrder(
  request: DeliveryRequested,
  eventId: string,
  office: XwasserParty,
): LabOrder {
  if (request.standard !== 'XWASSER')
    throw new HubError(
      'XWASSER_UNSUPPORTED_REQUEST',
      `Cannot order an examination for a ${request.standard} delivery request.`,
      { retryable: false },
    );
  const samplingPoint = request.application.formFields.find(
    (field) => field.key === samplingPointField,
  )?.value;
  if (typeof samplingPoint !== 'string' || samplingPoint.trim() === '')
    throw new HubError(
      'XWASSER_NO_SAMPLING_POINT',
      `Application ${request.applicationId} names no sampling point (${samplingPointField}).`,
      { retryable: false },
    );
  const orderId = outboundId(eventId, 'lab-order');
  return {
    orderId,
    caseId: outboundId(orderId, 'xwasser-vorgang'),
    samplingPoint: samplingPoint.trim(),
    reportTo: office,
  };
}
