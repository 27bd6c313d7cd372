import type pg from 'pg';
import { eventTopics, topics } from '@hub/contracts';
import { HubError } from '@hub/errors';
import {
  outboundId,
  type EventContext,
  type EventProducer,
  type IdempotencyLedger,
} from '@hub/kit';
import type { Case } from './case.js';
import type { Decision, DecisionSettings } from './case-decisions.js';
import type { CaseStore } from './case-store.js';
import { numberSteps } from './citizen-timeline.js';

const citizenStatus = topics.citizenStatusChanged;

/** The catalogue spec of a topic a decision sends to; one outside the catalogue is a bug. */
function specOf(topic: string): (typeof eventTopics)[number] {
  const spec = eventTopics.find((candidate) => candidate.name === topic);
  if (spec) return spec;
  throw new HubError('CASE_TOPIC_UNKNOWN', `${topic} is not in the topic catalogue.`, {
    retryable: false,
  });
}

export interface CaseRouterSettings {
  readonly transportReportDeadlineMs: number;
  readonly paymentDeadlineMs: number;
  readonly now?: () => Date;
}

/**
 * The process manager: every input becomes one decision about one case, taken under a row lock
 * and applied once (ledger), together with what it publishes.
 */
export class CaseRouter {
  constructor(
    private readonly store: CaseStore,
    private readonly ledger: IdempotencyLedger,
    private readonly producer: EventProducer,
    private readonly settings: CaseRouterSettings,
  ) {}

  decisionSettings(): DecisionSettings {
    return { ...this.settings, now: this.settings.now?.() ?? new Date() };
  }

  /**
   * Decides about one application for one event, once per consumer group: the decision taken,
   * or undefined when the event was handled before or `decide` had nothing to decide (an event
   * about no case of this router's that is passed over).
   */
  async decideOnce(
    applicationId: string,
    context: EventContext,
    decide: (current: Case | undefined) => Decision | undefined,
  ): Promise<Decision | undefined> {
    const once = await this.ledger.once(context.eventId, context.group, (tx) =>
      this.decideAndApply(tx, applicationId, context.eventId, decide, context),
    );
    return once.applied ? once.result : undefined;
  }

  /** Every case whose deadline has passed gets its deadline decision (see case-decisions.ts). */
  async applyDeadlines(
    pool: pg.Pool,
    decide: (current: Case, settings: DecisionSettings) => Decision,
  ): Promise<number> {
    const settings = this.decisionSettings();
    const due = await this.store.overdue(settings.now);
    for (const applicationId of due) {
      const tx = await pool.connect();
      try {
        await tx.query('begin');
        const eventId = outboundId(applicationId, `deadline:${settings.now.toISOString()}`);
        await this.decideAndApply(tx, applicationId, eventId, (current) =>
          decide(requireCase(current, applicationId), settings),
        );
        await tx.query('commit');
      } catch (error) {
        await tx.query('rollback');
        throw error;
      } finally {
        tx.release();
      }
    }
    return due.length;
  }

  private async decideAndApply(
    tx: pg.PoolClient,
    applicationId: string,
    eventId: string,
    decide: (current: Case | undefined) => Decision | undefined,
    causedBy?: EventContext,
  ): Promise<Decision | undefined> {
    const current = await this.store.lock(tx, applicationId);
    const decision = decide(current);
    if (!decision || decision.next === current) return decision;
    const { next, changes } = numberSteps(decision.next, decision.citizen);
    await this.store.save(tx, current, next, eventId, decision.note);
    for (const { topic, value } of decision.outgoing) {
      const spec = specOf(topic);
      await this.publish(spec, applicationId, value, outboundId(eventId, topic), causedBy);
    }
    for (const change of changes) {
      // One id per step (a decision may take several), the same when decided again after a crash.
      const stepId = outboundId(eventId, `${citizenStatus.name}#${change.sequence}`);
      await this.publish(citizenStatus, applicationId, change, stepId, causedBy);
    }
    return { ...decision, next };
  }

  private async publish(
    spec: (typeof eventTopics)[number],
    key: string,
    value: unknown,
    eventId: string,
    causedBy: EventContext | undefined,
  ): Promise<void> {
    // The decision built the value for this topic; the spec's schema checks it when encoding.
    const publication = { key, value: value as never, eventId };
    await this.producer.publish(spec, causedBy ? { ...publication, causedBy } : publication);
  }
}

/** An event about an application the router has never seen: retried (it may be early), then dead-lettered. */
export function requireCase(current: Case | undefined, applicationId: string): Case {
  if (current) return current;
  throw new HubError('CASE_UNKNOWN', `No case for application ${applicationId} (yet).`, {
    retryable: true,
  });
}
