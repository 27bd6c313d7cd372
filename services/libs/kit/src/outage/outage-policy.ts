import type { EventContext } from '../delivery/event-context.js';

/** How long an event may wait for an unreachable endpoint before people are told. */
export interface OutagePolicy {
  /**
   * Waits longer than this are announced once per event (`unreachable`): the case router can tell
   * the citizen that the authority is temporarily unreachable. Shorter blips stay invisible.
   */
  readonly noticeAfterMs: number;
  /**
   * Waits longer than this are escalated once per event (`escalated`): an operator signal (log,
   * metric, the handler's hook). The event is not dropped: it keeps waiting for the endpoint.
   */
  readonly escalateAfterMs: number;
}

export const defaultOutagePolicy: OutagePolicy = {
  noticeAfterMs: 15 * 60_000,
  escalateAfterMs: 3 * 24 * 60 * 60_000,
};

export interface OutageNotice {
  readonly kind: 'unreachable' | 'escalated';
  /** The endpoint's host and port: never personal data. */
  readonly endpoint: string;
  readonly waitingSince: Date;
  readonly context: EventContext;
}
