import type { Category, Evidence } from '@hub/triage';

/** Where a report is in the gateway: waiting for staff, sent to an office, or linked to another. */
export type RequestState = 'review' | 'routed' | 'duplicate';

/** What the classifier said about a report, kept so staff can see why. */
export interface TriageRecord {
  readonly proposal: Category;
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
  readonly ranking: readonly { readonly category: Category; readonly probability: number }[];
  readonly reason: string;
  readonly decidedBy: 'CITIZEN' | 'CLASSIFIER' | 'STAFF' | null;
}

/** The reporter's contact data: personal data, kept here only, never public, never in Kafka. */
export interface Contact {
  readonly email: string | null;
  readonly phone: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
}

export interface ServiceRequest {
  readonly id: string;
  readonly state: RequestState;
  readonly status: 'open' | 'closed';
  readonly statusNotes: string | null;
  readonly serviceCode: Category | null;
  readonly agency: string | null;
  /** The citizen's description with personal data masked. */
  readonly description: string;
  readonly lat: number | null;
  readonly long: number | null;
  readonly address: string | null;
  readonly mediaUrl: string | null;
  readonly requestedAt: Date;
  readonly updatedAt: Date;
  readonly triage: TriageRecord;
  readonly duplicateOf: string | null;
}
