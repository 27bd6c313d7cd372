import type { ApplicationSubmitted } from '@hub/contracts';
import type { SubmitApplicationRequest } from '../http/submit-application.request.js';

/** The portal's JSON (validated) as the `topics.applicationSubmitted` event. Pure. */
export function toApplicationSubmitted(
  request: SubmitApplicationRequest,
  assigned: { applicationId: string; submittedAt: Date },
): ApplicationSubmitted {
  const { applicant } = request;
  return {
    applicationId: assigned.applicationId,
    submittedAt: assigned.submittedAt,
    serviceKey: request.serviceKey,
    municipalityKey: request.municipalityKey,
    citizenAccountRef: request.citizenAccountRef,
    formId: request.formId,
    applicant: {
      givenName: applicant.givenName,
      familyName: applicant.familyName,
      birthDate: applicant.birthDate ?? null,
      email: applicant.email ?? null,
      phone: applicant.phone ?? null,
      address: applicant.address,
    },
    formFields: request.formFields,
    attachments: request.attachments,
    fee: request.fee ? { amount: request.fee.amount, currency: request.fee.currency } : null,
    channel: 'PORTAL',
    externalReference: null,
  };
}
