import type { DeadLetterView } from '../dead-letters/dead-letter-view.js';
import type { CaseStep } from '../sources/case-history.js';
import type { CitizenStep } from '../sources/citizen-timeline.js';
import type { TraceSpan } from '../sources/zipkin-traces.js';

/** One line of an application's timeline, whichever service it comes from. */
export interface TimelineEntry {
  readonly at: Date;
  readonly source: string;
  readonly kind:
    'Zustand' | 'Portal' | 'Fehlerablage' | 'Aufruf' | 'Veröffentlicht' | 'Verarbeitung';
  readonly text: string;
  readonly failed: boolean;
  /** A dead letter's id, for the link to its detail and replay. */
  readonly deadLetterId?: string;
}

/** Calls out, publications and handling attempts (a failed one is a retry or a dead letter). */
const spanKinds: Record<string, TimelineEntry['kind']> = {
  CLIENT: 'Aufruf',
  PRODUCER: 'Veröffentlicht',
  CONSUMER: 'Verarbeitung',
};

/** Merges what each service knows of one application into one list, oldest first. Pure. */
export function applicationTimeline(parts: {
  readonly caseSteps: readonly CaseStep[];
  readonly citizenSteps: readonly CitizenStep[];
  readonly deadLetters: readonly DeadLetterView[];
  readonly spans: readonly TraceSpan[];
}): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...parts.caseSteps.map((step) => ({
      at: step.recordedAt,
      source: 'case-router',
      kind: 'Zustand' as const,
      text: `${step.fromState ?? '—'} → ${step.toState}: ${step.note}`,
      failed: false,
    })),
    ...parts.citizenSteps.map((step) => ({
      at: step.occurredAt,
      source: 'portal-gateway',
      kind: 'Portal' as const,
      text: `${step.state}: ${step.text}`,
      failed: false,
    })),
    ...parts.deadLetters.map((letter) => ({
      at: letter.lastFailureAt ?? new Date(0),
      source: letter.service,
      kind: 'Fehlerablage' as const,
      text: `${letter.topic}: ${letter.code} nach ${letter.attempts} Versuchen`,
      failed: true,
      deadLetterId: letter.id,
    })),
    ...parts.spans.flatMap((span) => {
      const kind = spanKinds[span.kind];
      return kind
        ? [
            {
              at: span.startedAt,
              source: span.service,
              kind,
              text: `${span.name} (${span.durationMs} ms)`,
              failed: span.failed,
            },
          ]
        : [];
    }),
  ];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
