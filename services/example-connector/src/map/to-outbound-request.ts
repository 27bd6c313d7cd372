import type { topics, TopicValue } from '@hub/contracts';

export type CitizenStatusChanged = TopicValue<typeof topics.citizenStatusChanged>;

/** What the receiving system gets. Start here when the system wants another shape. */
export interface OutboundRequest {
  readonly applicationId: string;
  readonly event: CitizenStatusChanged;
}

/** PURE: the catalogue event → the receiving system's request. */
export function toOutboundRequest(event: CitizenStatusChanged): OutboundRequest {
  return { applicationId: event.applicationId, event };
}
