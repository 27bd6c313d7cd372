import type { Route } from '@hub/routing';
import type { FieldError } from '../http/problem.js';
import type { SubmitApplicationRequest } from '../http/submit-application.request.js';

/** "0250.00" and "250.00" state the same fee. */
const cents = (amount: string): bigint => BigInt(amount.replace('.', ''));

/**
 * The fee comes from the routing table; a fee the caller states is informational and must agree
 * with it, so that no portal shows the citizen one amount while the hub charges another.
 */
export function feeMismatch(application: SubmitApplicationRequest, route: Route): FieldError[] {
  const stated = application.fee;
  if (stated === undefined) return [];
  if (route.fee === null) {
    return [
      {
        path: '/fee',
        reason: 'this service is free of charge here; leave the fee out',
        reasonDe: 'diese Leistung ist hier gebührenfrei; bitte keine Gebühr angeben',
      },
    ];
  }
  // Both currencies are EUR by schema; the amount is what can differ.
  if (cents(stated.amount) === cents(route.fee.amount)) return [];
  return [
    {
      path: '/fee/amount',
      reason: `differs from the fee of this service: ${route.fee.amount} ${route.fee.currency}`,
      reasonDe: `weicht von der Gebühr dieser Leistung ab: ${route.fee.amount} ${route.fee.currency}`,
    },
  ];
}
