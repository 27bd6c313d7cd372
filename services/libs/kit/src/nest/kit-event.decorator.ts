import 'reflect-metadata';
import { UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type avro from 'avsc';
import { schemaType, type SchemaName } from '@hub/contracts';
import type { RetryPolicy } from '../delivery/retry-policy.js';
import { PassErrorsToDelivery } from './kafka-transport.js';

/** What the kit needs of a catalogue topic spec (`topics.paymentRequested` of @hub/contracts). */
export interface ConsumedTopic {
  readonly name: string;
  readonly valueSchema: SchemaName;
}

/** What the transport needs beside the topic to run a handler under the kit's delivery rules. */
export interface KitEventOptions {
  /** The handler name: its consumer group is `<service>.<name>`, as the catalogue lists it. */
  readonly name: string;
  /** Overrides the service's RETRY_* configuration for this handler. */
  readonly retry?: Partial<RetryPolicy>;
}

/** The options as the transport reads them: the Avro reader type is the spec's value schema. */
export interface KitEventExtras extends KitEventOptions {
  readonly type: avro.Type;
}

const kitEventsKey = Symbol('hub.kit.events');

/** One `@KitEvent` method as the catalogue sees it: the topic it reads, the handler name. */
export interface KitEventBinding {
  readonly topic: string;
  readonly name: string;
}

/**
 * `@EventPattern(spec.name)` with the kit's options as the pattern's extras: the payload is
 * decoded into the spec's value schema; errors reach the delivery engine as thrown. The method takes `@Payload()` (the decoded value) and
 * `@Ctx()` (the EventContext).
 */
export function KitEvent(topic: ConsumedTopic, options: KitEventOptions): MethodDecorator {
  const extras: KitEventExtras = { ...options, type: schemaType(topic.valueSchema) };
  const pattern = EventPattern(topic.name, { ...extras });
  // On the method, not global: a global RPC filter of a hybrid app is registered too late, and
  // Nest's default filter would replace the error (its code, its retry decision) by a status.
  const filters = UseFilters(new PassErrorsToDelivery());
  return (target, key, descriptor) => {
    const bindings = (Reflect.getMetadata(kitEventsKey, target.constructor) ??
      []) as KitEventBinding[];
    Reflect.defineMetadata(
      kitEventsKey,
      [...bindings, { topic: topic.name, name: options.name }],
      target.constructor,
    );
    pattern(target, key, descriptor);
    filters(target, key, descriptor);
  };
}

/** The `@KitEvent` handlers of the given classes, for the test against the catalogue. */
export function kitEventsOf(...classes: readonly object[]): KitEventBinding[] {
  return classes.flatMap(
    (type) => (Reflect.getMetadata(kitEventsKey, type) ?? []) as KitEventBinding[],
  );
}

/** Each handler's topic and consumer group `<service>.<name>`, sorted like `consumedBy`. */
export function consumerGroupsOf(
  service: string,
  handlers: readonly KitEventBinding[],
): { topic: string; group: string }[] {
  return handlers
    .map(({ topic, name }) => ({ topic, group: `${service}.${name}` }))
    .sort((a, b) => a.group.localeCompare(b.group));
}
