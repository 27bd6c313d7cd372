import type { Consumer } from 'kafkajs';
import type { KitLogger } from '../observability/logger.js';
import type { DeliveryMetrics } from '../observability/metrics.js';
import type { CircuitBreaker, Turn } from './circuit-breaker.js';
import type { OutageNotice, OutagePolicy } from './outage-policy.js';

export interface OutageWaitsDeps {
  readonly group: string;
  readonly topic: string;
  readonly consumer: Pick<Consumer, 'pause' | 'resume'>;
  readonly metrics: DeliveryMetrics;
  readonly logger: KitLogger;
  readonly policy: OutagePolicy;
  /** Tells the handler (e.g. to put "authority unreachable" on the timeline); may fail. */
  readonly announce: (notice: OutageNotice) => Promise<void>;
}

const maxTimerMs = 2 ** 31 - 1;

/** One event's outage: which notices it has had, so each is given once however often it waits. */
export interface EventOutage {
  readonly context: OutageNotice['context'];
  readonly announced: Set<OutageNotice['kind']>;
}

/**
 * The events of one handler group that wait for an unreachable endpoint. While any event of a
 * partition waits, that partition is paused: nothing more is fetched from it, so the backlog stays
 * in Kafka, not in memory, and the partition's order is kept. Other partitions, other groups and
 * other endpoints are untouched. The partition resumes when its last waiting event may retry.
 */
export class OutageWaits {
  private readonly waitingIn = new Map<number, number>();

  constructor(private readonly deps: OutageWaitsDeps) {}

  isPaused(partition: number): boolean {
    return this.waitingIn.has(partition);
  }

  async wait(
    breaker: CircuitBreaker,
    outage: EventOutage,
    since: Date,
    signal: AbortSignal,
  ): Promise<Turn | undefined> {
    const { partition } = outage.context;
    const labels = { group: this.deps.group, endpoint: breaker.endpoint };
    this.enter(partition, breaker.endpoint);
    this.deps.metrics.outageWaiting.inc(labels);
    const timers = this.scheduleNotices(breaker.endpoint, outage, since);
    try {
      return await breaker.waitForTurn(signal);
    } finally {
      for (const timer of timers) clearTimeout(timer);
      this.deps.metrics.outageWaiting.dec(labels);
      this.leave(partition);
    }
  }

  private enter(partition: number, endpoint: string): void {
    const waiting = this.waitingIn.get(partition) ?? 0;
    this.waitingIn.set(partition, waiting + 1);
    if (waiting > 0) return;
    this.deps.consumer.pause([{ topic: this.deps.topic, partitions: [partition] }]);
    this.deps.logger.warn(
      { group: this.deps.group, partition, endpoint },
      'endpoint unreachable: partition paused until it answers',
    );
  }

  private leave(partition: number): void {
    const waiting = (this.waitingIn.get(partition) ?? 1) - 1;
    if (waiting > 0) {
      this.waitingIn.set(partition, waiting);
      return;
    }
    this.waitingIn.delete(partition);
    this.deps.consumer.resume([{ topic: this.deps.topic, partitions: [partition] }]);
  }

  private scheduleNotices(endpoint: string, outage: EventOutage, since: Date): NodeJS.Timeout[] {
    const { noticeAfterMs, escalateAfterMs } = this.deps.policy;
    const due = [
      ['unreachable', noticeAfterMs],
      ['escalated', escalateAfterMs],
    ] as const;
    return due
      .filter(([kind]) => !outage.announced.has(kind))
      .map(([kind, afterMs]) => {
        const timer = setTimeout(
          () => {
            // Node caps timers at ~24.8 days: a longer age is checked here, not trusted.
            if (Date.now() - since.getTime() < afterMs) return;
            outage.announced.add(kind);
            this.announce({ kind, endpoint, waitingSince: since, context: outage.context });
          },
          Math.min(maxTimerMs, Math.max(0, since.getTime() + afterMs - Date.now())),
        );
        timer.unref();
        return timer;
      });
  }

  private announce(notice: OutageNotice): void {
    const { group } = this.deps;
    const fields = { group, endpoint: notice.endpoint, eventId: notice.context.eventId };
    if (notice.kind === 'escalated') {
      this.deps.metrics.outageEscalated.inc({ group, endpoint: notice.endpoint });
      this.deps.logger.error(
        { ...fields, waitingSince: notice.waitingSince.toISOString() },
        'event waits for an unreachable endpoint beyond the escalation age: operator attention needed',
      );
    }
    this.deps.announce(notice).catch((error: unknown) => {
      const reason = error instanceof Error ? error.name : 'unknown';
      this.deps.logger.warn({ ...fields, kind: notice.kind, reason }, 'outage notice failed');
    });
  }
}
