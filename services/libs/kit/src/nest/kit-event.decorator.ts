import { EventPattern } from '@nestjs/microservices';
import type avro from 'avsc';
import type { RetryPolicy } from '../delivery/retry-policy.js';

/** What the transport needs beside the topic to run a handler under the kit's delivery rules. */
export interface KitEventOptions {
  /** The handler name: its consumer group is `<service>.<name>`. */
  readonly name: string;
  /** The Avro reader type the payload is decoded into. */
  readonly type: avro.Type;
  readonly retry?: Partial<RetryPolicy>;
}

/**
 * `@EventPattern(topic)` with the kit's options as the pattern's extras. The handler method takes
 * `@Payload()` (the decoded value) and `@Ctx()` (the EventContext).
 */
export function KitEvent(topic: string, options: KitEventOptions): MethodDecorator {
  return EventPattern(topic, { ...options });
}
