import type { Route } from '@hub/routing';
import type { XbauTextTypes } from '@hub/xoev';
import type { FieldError } from '../http/problem.js';
import type { SubmitApplicationRequest } from '../http/submit-application.request.js';
import { attachmentRefusals } from './attachment-refusals.js';
import { feeMismatch } from './fee-mismatch.js';
import { procedureGaps } from './procedure-gaps.js';
import { textMisfits } from './text-misfits.js';
import { xbau0200Needs } from './xbau-0200-needs.js';

/** What the door checks beyond the request schema, read once at start-up. */
export interface DoorRules {
  /** XBau string types from the official XSDs (`loadXbauTextTypes`). */
  readonly textTypes: XbauTextTypes;
  /** `scheme://host` of the document stores attachments may be fetched from. */
  readonly attachmentOrigins: ReadonlySet<string>;
}

/**
 * Everything the route's procedure could not accept, named by JSON pointer: refused at the door
 * with 422 rather than accepted with 202 and dead-lettered later. Expects normalised texts. What
 * XBau 0200 needs (an attachment, its text types) applies to XBau routes only: a drinking-water
 * order has no building plans.
 */
export function doorRefusals(
  application: SubmitApplicationRequest,
  route: Route,
  rules: DoorRules,
): FieldError[] {
  const xbau =
    route.standard === 'XBAU'
      ? [...xbau0200Needs(application), ...textMisfits(application, route, rules.textTypes)]
      : [];
  return [
    ...procedureGaps(application, route),
    ...feeMismatch(application, route),
    ...attachmentRefusals(application, rules.attachmentOrigins),
    ...xbau,
  ];
}
