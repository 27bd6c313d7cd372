import { v5 as uuidV5 } from 'uuid';

/**
 * Fixed forever: changing it would give every event a new requestId, and a redelivered event would
 * then create a second transaction at the provider.
 */
export const PAYMENT_REQUEST_ID_NAMESPACE = '6f1c2a8e-4d3b-5c7a-9e1f-0b2d4c6e8a10';

/**
 * The XBezahldienste `requestId` for the hub event that asks for a provider call: the same event
 * always yields the same id, so a retry or redelivery finds the transaction it already created.
 */
export function paymentRequestIdFor(eventId: string): string {
  return uuidV5(eventId, PAYMENT_REQUEST_ID_NAMESPACE);
}
