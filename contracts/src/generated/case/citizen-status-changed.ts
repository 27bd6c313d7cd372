// Generated from contracts/schemas/case/citizen-status-changed.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

/**
 * The state of an application as the citizen sees it changed; the portal shows it in the timeline and postbox.
 */
export interface CitizenStatusChanged {
  /**
   * The application this event belongs to; also the Kafka key.
   */
  readonly applicationId: string;
  /**
   * When the state changed (UTC).
   */
  readonly changedAt: Date;
  /**
   * The new state.
   */
  readonly state: CitizenState;
  /**
   * German text for the citizen, e.g. Ihr Antrag wird bearbeitet.
   */
  readonly statusText: string;
  /**
   * Whether the citizen has to act (pay, hand in documents).
   */
  readonly actionRequired: boolean;
  /**
   * German text saying what the citizen has to do; null when nothing is required.
   */
  readonly actionText: null | string;
  /**
   * The authority's file number, once known.
   */
  readonly caseNumber: null | string;
  /**
   * The position of this change in the application's timeline, counted from 1 by the case router; the timeline is shown in this order. 0 for events from before this field.
   */
  readonly sequence: number;
}

/**
 * Citizen-facing states, modelled on the federal citizen postbox.
 */
export type CitizenState =
  | 'SUBMITTED'
  | 'RECEIVED'
  | 'PROCESSING'
  | 'ACTION_REQUIRED'
  | 'COMPLETED'
  | 'REJECTED'
  | 'CANCELLED'
  | 'UNKNOWN'
  | 'DELIVERY_FAILED';
