import { topics, type DrinkingWaterLimitTable } from '@hub/contracts';
import { HubError } from '@hub/errors';
import { outboundId, type EventProducer, type IdempotencyLedger, type KitLogger } from '@hub/kit';
import type { XtaClient, XwasserParty } from '@hub/xoev';
import type pg from 'pg';
import { Counter, type Registry } from 'prom-client';
import type { LabOrders } from '../lab-orders/lab-orders.js';
import { answerRouting, answersTo, type LabAnswer } from './lab-answers.js';
import type { LabMessage } from './read-lab-message.js';
import { toHealthEvents } from './to-health-events.js';

export interface LabMessageSettling {
  readonly ledger: IdempotencyLedger;
  readonly producer: EventProducer;
  readonly pool: pg.Pool;
  /** The examinations ordered for applications: a report's application and trace. */
  readonly orders: Pick<LabOrders, 'orderedFor'>;
  /** The XTA server that takes the answers for the labs. */
  readonly answers: Pick<XtaClient, 'createMessageId' | 'sendMessage'>;
  readonly office: XwasserParty;
  readonly table: DrinkingWaterLimitTable;
  /** `<service>.lab-reports`: the ledger's handler name. */
  readonly group: string;
  readonly logger: KitLogger;
  readonly metrics: Registry;
}

/**
 * The effects of one read message, each once however often the message is fetched: a report's
 * events (lab-report-received and one limit-exceeded per exceeded value) with its row in
 * xwasser_connector_reports in one ledger transaction, then the answers to the lab over XTA.
 */
export class LabMessageSettler {
  private readonly limitsExceeded: Counter<'parameter' | 'priority'>;

  constructor(private readonly deps: LabMessageSettling) {
    this.limitsExceeded = new Counter({
      name: 'hub_drinking_water_limits_exceeded_total',
      help: 'Measured drinking-water values above their limit, by parameter and priority.',
      labelNames: ['parameter', 'priority'],
      registers: [deps.metrics],
    });
    // Every series exists from the start at 0, so the alert's increase() sees the first exceedance.
    for (const limit of deps.table.limits)
      this.limitsExceeded.inc({ parameter: limit.name, priority: limit.priority }, 0);
  }

  /** Returns the outcome counted by the poller. */
  async settle(message: LabMessage): Promise<string> {
    const now = new Date();
    let outcome: string = message.kind === 'refuse' ? 'refused' : message.kind;
    if (message.kind === 'report') outcome = await this.publishReport(message, now);
    const caseKnown =
      message.kind === 'status-request' && (await this.caseKnown(message.head.caseId));
    for (const answer of answersTo(message, this.deps.office, now, caseKnown))
      await this.send(answer, message.head.author);
    return outcome;
  }

  private async publishReport(
    message: Extract<LabMessage, { kind: 'report' }>,
    now: Date,
  ): Promise<string> {
    const { report, head } = message;
    // A report the hub ordered for a citizen's application continues that application's trace.
    const orderedFor = await this.deps.orders.orderedFor(report.caseId, report.orderNumber);
    const events = toHealthEvents(
      report,
      {
        nachrichtenUUID: head.nachrichtenUUID,
        labDvdvId: head.author.id,
        receivedAt: now,
        ...(orderedFor ? { applicationId: orderedFor.applicationId } : {}),
      },
      this.deps.table,
    );
    const trace = orderedFor?.traceparent ? { traceparent: orderedFor.traceparent } : {};
    const eventId = outboundId(head.nachrichtenUUID, 'lab-report-received');
    const published = await this.deps.ledger.once(eventId, this.deps.group, async (tx) => {
      await tx.query(
        `insert into xwasser_connector_reports (case_id, report_id, report_version, nachrichten_uuid, received_at)
         values ($1, $2, $3, $4, $5) on conflict do nothing`,
        [report.caseId, report.reportId, report.reportVersion, head.nachrichtenUUID, now],
      );
      await this.deps.producer.publish(topics.labReportReceived, {
        key: report.caseId,
        value: events.received,
        eventId,
        correlationId: report.caseId,
        ...trace,
      });
      for (const exceeded of events.exceeded)
        await this.deps.producer.publish(topics.limitExceeded, {
          key: report.caseId,
          value: exceeded,
          eventId: outboundId(exceeded.measurementId, 'limit-exceeded'),
          correlationId: report.caseId,
          ...trace,
        });
    });
    if (!published.applied) return 'duplicate';
    for (const exceeded of events.exceeded) {
      this.limitsExceeded.inc({ parameter: exceeded.parameterName, priority: exceeded.priority });
      this.deps.logger.warn(
        { caseId: report.caseId, parameter: exceeded.parameterCode, priority: exceeded.priority },
        'drinking-water limit exceeded',
      );
    }
    return 'report';
  }

  private async caseKnown(caseId: string | undefined): Promise<boolean> {
    if (!caseId) return false;
    const { rowCount } = await this.deps.pool.query(
      'select 1 from xwasser_connector_reports where case_id = $1 limit 1',
      [caseId],
    );
    return (rowCount ?? 0) > 0;
  }

  /**
   * Sends an answer once. A retryable XTA failure fails the round (the message stays in the box
   * and is answered next round); a refusal no retry cures is logged, so it blocks nothing.
   */
  private async send(answer: LabAnswer, lab: XwasserParty): Promise<void> {
    try {
      await this.deps.ledger.once(answer.nachrichtenUUID, this.deps.group, async () => {
        const messageId = await this.deps.answers.createMessageId();
        await this.deps.answers.sendMessage(
          messageId,
          answer.xml,
          answerRouting(answer, this.deps.office, lab),
        );
      });
    } catch (error) {
      if (!(error instanceof HubError) || error.retryable) throw error;
      this.deps.logger.error(
        { answer: answer.name, nachrichtenUUID: answer.nachrichtenUUID, code: error.code },
        'answer to the lab refused by the XTA server; not resent',
      );
    }
  }
}
