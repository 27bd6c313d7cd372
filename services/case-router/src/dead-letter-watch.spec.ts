import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { schemaType } from '@hub/contracts';
import type { EventContext, KitLogger } from '@hub/kit';
import type { Case } from './case.js';
import { onSubmitted, type Decision } from './case-decisions.js';
import { CaseRouterMetrics } from './case-router-metrics.js';
import {
  deadLetterWatchers,
  undecodedDeadLetter,
  withUndecodedDeadLetters,
} from './dead-letter-watch.js';
import { application, applied, freeRoute, settings, withoutFee } from '../test/case-fixtures.js';

/** The router's once-per-event decision over an in-memory case table. */
function inMemoryRouter(cases: Map<string, Case>) {
  const handled = new Set<string>();
  return {
    decisionSettings: () => settings,
    decideOnce(
      applicationId: string,
      context: EventContext,
      decide: (c: Case | undefined) => Decision,
    ) {
      if (handled.has(context.eventId)) return Promise.resolve(undefined);
      handled.add(context.eventId);
      const decision = decide(cases.get(applicationId));
      cases.set(applicationId, decision.next);
      return Promise.resolve(decision);
    },
  };
}

function recordingLogger(): KitLogger & { lines: object[] } {
  const lines: object[] = [];
  const keep = (fields: object) => void lines.push(fields);
  return { lines, debug: keep, info: keep, warn: keep, error: keep };
}

function deadLetterContext(topic: string, key: string | undefined): EventContext {
  return {
    topic,
    partition: 0,
    offset: '7',
    key,
    headers: { 'dlq-error-code': 'XBAU_SCHEMA_INVALID' },
    eventId: '0f7c1e52-9a3b-4d5e-8f60-7a1b2c3d4e5f',
    traceparent: undefined,
    attempt: 1,
    group: `case-router.dead-letters.${topic}`,
  };
}

describe('the delivery chain’s dead letters', () => {
  it('watches the dead-letter topics of the groups that carry out the router’s commands', () => {
    const topics = deadLetterWatchers(
      inMemoryRouter(new Map()),
      new CaseRouterMetrics(new Registry()),
      recordingLogger(),
    ).map((h) => h.topic);
    expect(topics.sort()).toEqual([
      'dlq.payment-connector.payment-requested',
      'dlq.xbau-connector.delivery-requested',
      'dlq.xwasser-connector.delivery-requested',
    ]);
  });

  it('reads the dead letters of a connector that runs under another service name there', () => {
    const topics = deadLetterWatchers(
      inMemoryRouter(new Map()),
      new CaseRouterMetrics(new Registry()),
      recordingLogger(),
      { 'xbau-connector': 'xbau-connector-e2e-1a2b' },
    ).map((h) => [h.name, h.topic]);
    expect(topics.sort()).toEqual([
      [
        'dead-letters.payment-connector.payment-requested',
        'dlq.payment-connector.payment-requested',
      ],
      [
        'dead-letters.xbau-connector.delivery-requested',
        'dlq.xbau-connector-e2e-1a2b.delivery-requested',
      ],
      [
        'dead-letters.xwasser-connector.delivery-requested',
        'dlq.xwasser-connector.delivery-requested',
      ],
    ]);
  });

  it('given a requested delivery, when its dead letter arrives twice, then the case fails once, counted and logged with the id and topic only', async () => {
    const cases = new Map([
      [application.applicationId, applied(onSubmitted(withoutFee, freeRoute, settings))],
    ]);
    const registry = new Registry();
    const logger = recordingLogger();
    const watcher = deadLetterWatchers(
      inMemoryRouter(cases),
      new CaseRouterMetrics(registry),
      logger,
    ).find((h) => h.topic === 'dlq.xbau-connector.delivery-requested');
    const context = deadLetterContext(
      'dlq.xbau-connector.delivery-requested',
      application.applicationId,
    );
    await watcher?.handle(Buffer.from('raw record, maybe not even Avro'), context);
    await watcher?.handle(Buffer.from('raw record, maybe not even Avro'), context);

    expect(cases.get(application.applicationId)?.state).toBe('DELIVERY_FAILED');
    const counted = await registry.getSingleMetric('hub_applications_delivery_failed_total')?.get();
    expect(counted?.values).toEqual([
      { labels: { dead_letter_topic: 'dlq.xbau-connector.delivery-requested' }, value: 1 },
    ]);
    expect(logger.lines).toEqual([
      {
        applicationId: application.applicationId,
        deadLetterTopic: 'dlq.xbau-connector.delivery-requested',
        code: 'XBAU_SCHEMA_INVALID',
      },
    ]);
  });

  it('refuses for good a dead letter not keyed by an application id', async () => {
    const [watcher] = deadLetterWatchers(
      inMemoryRouter(new Map()),
      new CaseRouterMetrics(new Registry()),
      recordingLogger(),
    );
    await expect(
      watcher?.handle(Buffer.alloc(0), deadLetterContext('dlq.x', 'Erika Mustermann')),
    ).rejects.toMatchObject({
      code: 'DEAD_LETTER_WITHOUT_APPLICATION',
      retryable: false,
    });
  });

  it('hands dead letters over undecoded and decodes everything else', async () => {
    const decoder = withUndecodedDeadLetters({
      decode: () => Promise.resolve({ value: 'decoded' }),
    });
    const bytes = Buffer.from([0, 1, 2]);
    expect(await decoder.decode(bytes, undecodedDeadLetter)).toEqual({ value: bytes });
    expect(await decoder.decode(bytes, schemaType('procedure/delivery-requested'))).toEqual({
      value: 'decoded',
    });
  });
});
