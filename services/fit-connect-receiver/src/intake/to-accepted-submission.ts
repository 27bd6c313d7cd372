import { createHash } from 'node:crypto';
import { problemTypes, type RejectionProblem, type Submission } from '@hub/fit-connect';
import type { Route, RoutingTable } from '@hub/routing';
import { leikaKeyOf, type BauantragEfa } from '../map/bauantrag-efa.js';
import type { AcceptedSubmission } from '../map/to-application-submitted.js';
import type { Opened } from './open-submission.js';

type Checked =
  | { readonly ok: true; readonly submission: AcceptedSubmission; readonly route: Route }
  | { readonly ok: false; readonly problems: readonly RejectionProblem[] };

/** Where the event says an attachment is: the receiver keeps the bytes (its attachments table). */
export function attachmentUri(submissionId: string, attachmentId: string): string {
  return `fit-connect-receiver://submissions/${submissionId}/attachments/${attachmentId}`;
}

/**
 * An opened submission the hub can route: its LeiKa key and municipality have a procedure in the
 * routing table (else it is rejected, as the portal refuses an unknown service). PURE.
 */
export function toAcceptedSubmission(
  submission: Submission,
  opened: Extract<Opened, { ok: true }>,
  routing: RoutingTable,
): Checked {
  const data = opened.data as BauantragEfa;
  const serviceKey = leikaKeyOf(submission.serviceType.identifier);
  const route = serviceKey && routing.find(serviceKey, data.gemeindeschluessel);
  if (!serviceKey || !route)
    return {
      ok: false,
      problems: [
        {
          type: problemTypes.schemaViolation,
          title: 'Leistung nicht angeboten',
          detail: `service ${submission.serviceType.identifier} is not offered in municipality ${data.gemeindeschluessel}`,
          instance: 'data',
        },
      ],
    };
  return {
    ok: true,
    route,
    submission: {
      submissionId: submission.submissionId,
      serviceKey,
      schemaUri: opened.metadata.contentStructure.data?.submissionSchema.schemaUri ?? '',
      data,
      attachments: opened.attachments.map((attachment) => ({
        attachmentId: attachment.attachmentId,
        filename: attachment.filename,
        mimeType: attachment.mimeType,
        sizeBytes: attachment.content.byteLength,
        sha256: createHash('sha256').update(attachment.content).digest('hex'),
        storageUri: attachmentUri(submission.submissionId, attachment.attachmentId),
      })),
    },
  };
}
