/** The trace id of a W3C `traceparent` (`00-<32 hex trace id>-<16 hex span id>-<flags>`). */
export function traceIdOf(traceparent: string | undefined): string | undefined {
  return /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(traceparent ?? '')?.[1];
}

/** A span as the timeline shows it: no tags beyond the outcome (tags are the services' business). */
export interface TraceSpan {
  readonly traceId: string;
  readonly name: string;
  readonly kind: string;
  readonly service: string;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly failed: boolean;
}

interface ZipkinSpan {
  traceId: string;
  id: string;
  name?: string;
  kind?: string;
  timestamp?: number;
  duration?: number;
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

const week = 7 * 24 * 60 * 60_000;

/**
 * The span tags that name the application: the hub's own, and the Kafka message key (= the
 * application id) that the kafkajs instrumentation records.
 */
const applicationTags = ['hub.application_id', 'messaging.kafka.message.key'];

/** Zipkin's query API, asked for the spans tagged with the application id. */
export class ZipkinTraces {
  constructor(private readonly baseUrl: string) {}

  /** Where an operator opens a trace. */
  link(traceId: string): string {
    return `${this.baseUrl}/zipkin/traces/${traceId}`;
  }

  /** Best effort: without Zipkin the timeline still shows everything else. */
  async spansOf(applicationId: string, timeoutMs = 2_000): Promise<TraceSpan[]> {
    const found = await Promise.all(
      applicationTags.map((tag) => this.query(`${tag}=${applicationId}`, timeoutMs)),
    );
    const unique = new Map(found.flat().map((span) => [`${span.traceId}/${span.id}`, span]));
    return [...unique.values()].map((span) => ({
      traceId: span.traceId,
      name: span.name ?? '?',
      kind: span.kind ?? 'INTERNAL',
      service: span.localEndpoint?.serviceName ?? '?',
      startedAt: new Date((span.timestamp ?? 0) / 1_000),
      durationMs: Math.round((span.duration ?? 0) / 1_000),
      failed: span.tags?.error !== undefined,
    }));
  }

  private async query(annotationQuery: string, timeoutMs: number): Promise<ZipkinSpan[]> {
    const query = new URLSearchParams({
      annotationQuery,
      lookback: String(week),
      endTs: String(Date.now()),
      limit: '20',
    });
    try {
      const response = await fetch(`${this.baseUrl}/api/v2/traces?${query.toString()}`, {
        signal: AbortSignal.timeout(timeoutMs),
      });
      return response.ok ? ((await response.json()) as ZipkinSpan[][]).flat() : [];
    } catch {
      return [];
    }
  }
}
