import type avro from 'avsc';
import type { OutageNotice, OutagePolicy } from '../outage/outage-policy.js';
import type { EventContext } from './event-context.js';
import type { RetryPolicy } from './retry-policy.js';

/** One event handler: one consumer group `<service>.<name>` reading one topic. */
export interface HandlerDefinition<T = unknown> {
  readonly name: string;
  readonly topic: string;
  /** The reader schema: records written by any compatible writer are resolved into it. */
  readonly type: avro.Type;
  handle(value: T, context: EventContext): Promise<void>;
  readonly retry?: Partial<RetryPolicy>;
  /** When waits for an unreachable endpoint are announced and escalated (engine default else). */
  readonly outage?: Partial<OutagePolicy>;
  /** Called once per event and notice kind, e.g. to show "authority unreachable" on the timeline. */
  onOutage?(notice: OutageNotice): Promise<void>;
}

export function groupOf(service: string, handlerName: string): string {
  return `${service}.${handlerName}`;
}
