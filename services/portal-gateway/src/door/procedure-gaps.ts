import type { Route } from '@hub/routing';
import type { FieldError } from '../http/problem.js';
import type { SubmitApplicationRequest } from '../http/submit-application.request.js';

/**
 * What the procedure behind the route needs beyond the contract (e.g. XBau 0200 requires the
 * parcel and accepts only some attachment types): refused here, rather than stuck later.
 */
export function procedureGaps(application: SubmitApplicationRequest, route: Route): FieldError[] {
  const answered = new Set(
    application.formFields
      .filter((field) => field.value !== null && field.value !== '')
      .map((field) => field.key),
  );
  const missing = route.requiredFormFields
    .filter((key) => !answered.has(key))
    .map((key) => ({ path: '/formFields', reason: `needs an answer for ${key}` }));
  const accepted = route.attachmentMediaTypes;
  const unsupported = application.attachments.flatMap((attachment, index) =>
    accepted.length === 0 || accepted.includes(attachment.mediaType)
      ? []
      : [
          {
            path: `/attachments/${index}/mediaType`,
            reason: `is not accepted by the procedure (accepted: ${accepted.join(', ')})`,
          },
        ],
  );
  return [...missing, ...unsupported];
}
