import { ROOT_CONTEXT, SpanKind, SpanStatusCode, propagation, trace } from '@opentelemetry/api';
import type avro from 'avsc';
import type { RecordSender } from '../producer/record-sender.js';
import { HubError } from '@hub/errors';
import type { DeliveryMetrics } from '../observability/metrics.js';
import type { KitLogger } from '../observability/logger.js';
import { DATABASE_ENDPOINT } from '../outage/database-unreachable.js';
import { outboundBreakers } from '../outage/outbound-breakers.js';
import type { EventOutage, OutageWaits } from '../outage/outage-waits.js';
import { attempt, sleep } from './attempts.js';
import { deadLetter, deadLetterTopic, type Failure, type SourceRecord } from './dead-letter.js';
import type { EventContext } from './event-context.js';
import type { HandlerDefinition } from './handler-definition.js';
import type { RetryPolicy } from './retry-policy.js';

/** The decoding half of the Avro serde. */
export interface Decoder {
  decode(bytes: Buffer, readerType: avro.Type): Promise<{ value: unknown }>;
}

export interface RecordDeliveryDeps {
  readonly group: string;
  readonly definition: HandlerDefinition;
  readonly policy: RetryPolicy;
  readonly serde: Decoder;
  readonly deadLetters: Pick<RecordSender, 'send'>;
  readonly metrics: DeliveryMetrics;
  readonly logger: KitLogger;
  /** Where the record waits while an endpoint it needs is unreachable. */
  readonly waits: OutageWaits;
  /** Aborted at shutdown: waiting records are abandoned, uncommitted, for the next owner. */
  readonly signal: AbortSignal;
}

export interface InboundRecord extends SourceRecord {
  readonly eventId: string;
}

const tracer = trace.getTracer('@hub/kit');

/**
 * Takes one record to its end: handled (effect done) or dead-lettered after the retry budget,
 * both of which let its offset be committed; or abandoned at shutdown, which does not. While an
 * endpoint it needs is unreachable, it waits (uncommitted) for as long as the outage lasts.
 */
export async function deliverRecord(
  deps: RecordDeliveryDeps,
  record: InboundRecord,
): Promise<'finished' | 'abandoned'> {
  const { group, metrics } = deps;
  const parent = propagation.extract(ROOT_CONTEXT, record.headers);
  const key = record.key?.toString();
  const attributes = {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'process',
    'messaging.destination.name': record.topic,
    'messaging.consumer.group.name': group,
    'messaging.destination.partition.id': String(record.partition),
    'messaging.kafka.offset': record.offset,
    'messaging.message.id': record.eventId,
    ...(key === undefined ? {} : { 'hub.application_id': key }),
  };
  const spanOptions = { kind: SpanKind.CONSUMER, attributes };
  return tracer.startActiveSpan(`process ${record.topic}`, spanOptions, parent, async (span) => {
    // Built on the first outage only: most records never see one.
    let outage: EventOutage | undefined;
    try {
      const outcome = await attempt(
        (attemptNumber) => runHandler(deps, record, attemptNumber),
        deps.policy,
        {
          signal: deps.signal,
          onRetry: (error, failedAttempts, delayMs) => {
            metrics.retried.inc({ group, topic: record.topic });
            deps.logger.warn(
              { group, eventId: record.eventId, failedAttempts, delayMs, code: codeOf(error) },
              'handler failed, will retry',
            );
          },
          waitOutOutage: (breaker, since) => {
            outage ??= { context: contextOf(group, record, 0), announced: new Set() };
            return deps.waits.wait(breaker, outage, since, deps.signal);
          },
          database: outboundBreakers.of(DATABASE_ENDPOINT),
        },
      );
      if (outcome.kind === 'abandoned') return 'abandoned';
      if (outcome.kind === 'succeeded') {
        metrics.processed.inc({ group, topic: record.topic });
        return 'finished';
      }
      span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.failure.code });
      span.setAttribute('hub.error.code', outcome.failure.code);
      return (await sendToDeadLetter(deps, record, outcome.failure)) ? 'finished' : 'abandoned';
    } finally {
      span.end();
    }
  });
}

async function runHandler(
  deps: RecordDeliveryDeps,
  record: InboundRecord,
  attemptNumber: number,
): Promise<void> {
  const started = performance.now();
  let outcome = 'failed';
  try {
    if (record.value === null)
      throw new HubError('KIT_EMPTY_VALUE', 'Record has no value (tombstone).', {
        retryable: false,
      });
    const { value } = await deps.serde.decode(record.value, deps.definition.type);
    await deps.definition.handle(value, contextOf(deps.group, record, attemptNumber));
    outcome = 'succeeded';
  } finally {
    const seconds = (performance.now() - started) / 1_000;
    deps.metrics.handlerDuration.observe({ group: deps.group, outcome }, seconds);
  }
}

function contextOf(group: string, record: InboundRecord, attemptNumber: number): EventContext {
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    key: record.key?.toString(),
    headers: record.headers,
    eventId: record.eventId,
    traceparent: record.headers.traceparent,
    attempt: attemptNumber,
    group,
  };
}

/** A dead letter must be written before the offset moves on: keep trying until shutdown. */
async function sendToDeadLetter(
  deps: RecordDeliveryDeps,
  record: InboundRecord,
  failure: Failure,
): Promise<boolean> {
  const topic = deadLetterTopic(deps.group);
  for (let tries = 1; ; tries++) {
    try {
      await deps.deadLetters.send(topic, deadLetter(deps.group, record, failure));
      deps.metrics.deadLettered.inc({ group: deps.group, topic: record.topic, code: failure.code });
      deps.logger.error(
        {
          group: deps.group,
          eventId: record.eventId,
          code: failure.code,
          attempts: failure.attempts,
        },
        'event dead-lettered',
      );
      return true;
    } catch (error) {
      deps.logger.error(
        { group: deps.group, topic, code: codeOf(error) },
        'dead-letter write failed',
      );
      if (!(await sleep(Math.min(30_000, 500 * 2 ** tries), deps.signal))) return false;
    }
  }
}

function codeOf(error: unknown): string {
  return error instanceof HubError ? error.code : error instanceof Error ? error.name : 'unknown';
}
