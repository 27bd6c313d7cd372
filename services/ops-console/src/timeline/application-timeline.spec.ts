import { describe, expect, it } from 'vitest';
import { applicationTimeline } from './application-timeline.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));

describe('applicationTimeline', () => {
  it('given steps of every source, lists them oldest first with their source and kind, leaving internal spans out', () => {
    const entries = applicationTimeline({
      caseSteps: [
        {
          eventId: 'e1',
          fromState: null,
          toState: 'DELIVERY_REQUESTED',
          note: 'routed',
          recordedAt: at(1),
        },
        {
          eventId: 'e2',
          fromState: 'DELIVERY_REQUESTED',
          toState: 'DELIVERED',
          note: 'delivered',
          recordedAt: at(9),
        },
      ],
      citizenSteps: [{ state: 'SUBMITTED', text: 'Eingegangen', occurredAt: at(2) }],
      deadLetters: [
        {
          id: 'dlq.case-router.x:0:1',
          topic: 'dlq.case-router.x',
          partition: 0,
          offset: '1',
          key: 'a',
          service: 'case-router',
          code: 'CASE_UNKNOWN',
          attempts: '5',
          lastFailureAt: at(0),
          eventId: 'e0',
          traceId: undefined,
        },
      ],
      spans: [
        {
          traceId: 't',
          name: 'send procedure.x',
          kind: 'PRODUCER',
          service: 'case-router',
          startedAt: at(3),
          durationMs: 4,
          failed: false,
        },
        {
          traceId: 't',
          name: 'process procedure.x',
          kind: 'CONSUMER',
          service: 'case-router',
          startedAt: at(4),
          durationMs: 1,
          failed: false,
        },
        {
          traceId: 't',
          name: 'an internal step',
          kind: 'INTERNAL',
          service: 'case-router',
          startedAt: at(5),
          durationMs: 1,
          failed: false,
        },
      ],
    });

    expect(entries.map((e) => [e.kind, e.source, e.text])).toEqual([
      ['Fehlerablage', 'case-router', 'dlq.case-router.x: CASE_UNKNOWN nach 5 Versuchen'],
      ['Zustand', 'case-router', '— → DELIVERY_REQUESTED: routed'],
      ['Portal', 'portal-gateway', 'SUBMITTED: Eingegangen'],
      ['Veröffentlicht', 'case-router', 'send procedure.x (4 ms)'],
      ['Verarbeitung', 'case-router', 'process procedure.x (1 ms)'],
      ['Zustand', 'case-router', 'DELIVERY_REQUESTED → DELIVERED: delivered'],
    ]);
    expect(entries[0]).toMatchObject({ failed: true, deadLetterId: 'dlq.case-router.x:0:1' });
  });
});
