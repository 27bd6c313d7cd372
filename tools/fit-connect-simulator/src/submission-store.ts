import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';

export interface Destination {
  readonly destinationId: string;
  /** Public part of the destination's encryption key (RSA-OAEP-256), with `kid`. */
  readonly encryptionKey: JWK;
  /** Public part of the key the destination signs its security event tokens with (PS512). */
  readonly signatureKey: JWK;
  readonly callback?: { readonly url: string; readonly secret: string };
}

export type SubmissionState = 'announced' | 'submitted' | 'accepted' | 'rejected';

export interface StoredSubmission {
  readonly submissionId: string;
  readonly caseId: string;
  readonly destinationId: string;
  readonly serviceType: { readonly name: string; readonly identifier: string };
  readonly announcedAttachments: readonly string[];
  readonly attachments: Map<string, string>;
  encryptedMetadata?: string;
  encryptedData?: string;
  state: SubmissionState;
  submittedAt?: Date;
  /** The security event tokens of the case, as posted. */
  readonly events: string[];
}

/** A submission not accepted or rejected within this period is deleted by the platform. */
export const pickupPeriodMs = 14 * 24 * 60 * 60 * 1000;

/** The platform's state: destinations and submissions, in memory. */
export class SubmissionStore {
  readonly destinations = new Map<string, Destination>();
  private readonly submissions = new Map<string, StoredSubmission>();
  /** Expired submissions: their ids answer 404 with a reason instead of being unknown. */
  readonly expired = new Set<string>();

  announce(
    destinationId: string,
    serviceType: StoredSubmission['serviceType'],
    announcedAttachments: readonly string[],
  ): StoredSubmission {
    const stored: StoredSubmission = {
      submissionId: randomUUID(),
      caseId: randomUUID(),
      destinationId,
      serviceType,
      announcedAttachments,
      attachments: new Map(),
      state: 'announced',
      events: [],
    };
    this.submissions.set(stored.submissionId, stored);
    return stored;
  }

  get(submissionId: string, now: Date = new Date()): StoredSubmission | undefined {
    this.expire(now);
    return this.submissions.get(submissionId);
  }

  byCase(caseId: string): StoredSubmission | undefined {
    return [...this.submissions.values()].find((stored) => stored.caseId === caseId);
  }

  /** Submitted and not yet accepted or rejected, oldest first. */
  pending(destinationId: string, now: Date = new Date()): StoredSubmission[] {
    this.expire(now);
    return [...this.submissions.values()]
      .filter((stored) => stored.destinationId === destinationId && stored.state === 'submitted')
      .sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
  }

  all(): readonly StoredSubmission[] {
    return [...this.submissions.values()];
  }

  private expire(now: Date): void {
    for (const stored of this.submissions.values()) {
      if (
        stored.state === 'submitted' &&
        stored.submittedAt &&
        now.getTime() - stored.submittedAt.getTime() >= pickupPeriodMs
      ) {
        this.submissions.delete(stored.submissionId);
        this.expired.add(stored.submissionId);
      }
    }
  }
}
