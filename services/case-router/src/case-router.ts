import type pg from 'pg';
import { topics } from '@hub/contracts';
import { HubError } from '@hub/errors';
import {
  outboundId,
  type EventContext,
  type EventProducer,
  type IdempotencyLedger,
} from '@hub/kit';
import type { Case } from './case.js';
import { CaseOutbox, specOf, type Outgoing } from './case-outbox.js';
import type { Decision, DecisionSettings } from './case-decisions.js';
import type { CaseStore } from './case-store.js';
import { numberSteps } from './citizen-timeline.js';

const citizenStatus = topics.citizenStatusChanged;

/** Unsent events older than this are sent by the deadline round: their cause will not come again. */
const staleOutboxMs = 60_000;

export interface CaseRouterSettings {
  readonly transportReportDeadlineMs: number;
  readonly paymentDeadlineMs: number;
  readonly now?: () => Date;
}

/** A decision applied in a transaction, with the events it publishes once that has committed. */
interface Applied {
  readonly decision: Decision | undefined;
  readonly outgoing: readonly Outgoing[];
}

/**
 * The process manager: every input becomes one decision about one case, taken under a row lock
 * and applied once (ledger) together with the events it publishes, which go to Kafka only after
 * the decision has committed (the outbox, ADR 0028).
 */
export class CaseRouter {
  private readonly outbox: CaseOutbox;

  constructor(
    private readonly store: CaseStore,
    private readonly ledger: IdempotencyLedger,
    producer: EventProducer,
    pool: Pick<pg.Pool, 'query'>,
    private readonly settings: CaseRouterSettings,
  ) {
    this.outbox = new CaseOutbox(pool, producer);
  }

  decisionSettings(): DecisionSettings {
    return { ...this.settings, now: this.settings.now?.() ?? new Date() };
  }

  /**
   * Decides about one application for one event, once per consumer group: the decision taken,
   * or undefined when the event was handled before or `decide` had nothing to decide (an event
   * about no case of this router's that is passed over). An event handled before may have left
   * events unsent (a crash or a Kafka outage after the commit): they are sent now.
   */
  async decideOnce(
    applicationId: string,
    context: EventContext,
    decide: (current: Case | undefined) => Decision | undefined,
  ): Promise<Decision | undefined> {
    const once = await this.ledger.once(context.eventId, context.group, (tx) =>
      this.decideAndApply(tx, applicationId, context.eventId, decide),
    );
    if (!once.applied) {
      await this.outbox.sendLeftoversOf(context.eventId, context);
      return undefined;
    }
    await this.outbox.send(once.result.outgoing, context);
    return once.result.decision;
  }

  /**
   * Every case whose deadline has passed gets its deadline decision (see case-decisions.ts); first,
   * events that earlier decisions left unsent for a minute are sent.
   */
  async applyDeadlines(
    pool: pg.Pool,
    decide: (current: Case, settings: DecisionSettings) => Decision,
  ): Promise<number> {
    await this.outbox.sendStale(staleOutboxMs);
    const settings = this.decisionSettings();
    const due = await this.store.overdue(settings.now);
    for (const applicationId of due) {
      const tx = await pool.connect();
      let applied: Applied;
      try {
        await tx.query('begin');
        const eventId = outboundId(applicationId, `deadline:${settings.now.toISOString()}`);
        applied = await this.decideAndApply(tx, applicationId, eventId, (current) =>
          decide(requireCase(current, applicationId), settings),
        );
        await tx.query('commit');
      } catch (error) {
        await tx.query('rollback');
        throw error;
      } finally {
        tx.release();
      }
      await this.outbox.send(applied.outgoing);
    }
    return due.length;
  }

  private async decideAndApply(
    tx: pg.PoolClient,
    applicationId: string,
    eventId: string,
    decide: (current: Case | undefined) => Decision | undefined,
  ): Promise<Applied> {
    const current = await this.store.lock(tx, applicationId);
    const decision = decide(current);
    if (!decision || decision.next === current) return { decision, outgoing: [] };
    const { next, changes } = numberSteps(decision.next, decision.citizen);
    await this.store.save(tx, current, next, eventId, decision.note);
    const outgoing: Outgoing[] = [
      ...decision.outgoing.map(({ topic, value }) => ({
        spec: specOf(topic),
        key: applicationId,
        value,
        eventId: outboundId(eventId, topic),
      })),
      // One id per step (a decision may take several), the same when decided again after a crash.
      ...changes.map((change) => ({
        spec: citizenStatus,
        key: applicationId,
        value: change,
        eventId: outboundId(eventId, `${citizenStatus.name}#${change.sequence}`),
      })),
    ];
    await this.outbox.write(tx, eventId, outgoing);
    return { decision: { ...decision, next }, outgoing };
  }
}

/** An event about an application the router has never seen: retried (it may be early), then dead-lettered. */
export function requireCase(current: Case | undefined, applicationId: string): Case {
  if (current) return current;
  throw new HubError('CASE_UNKNOWN', `No case for application ${applicationId} (yet).`, {
    retryable: true,
  });
}
