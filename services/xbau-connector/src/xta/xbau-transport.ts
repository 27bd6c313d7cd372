import { setTimeout as sleep } from 'node:timers/promises';
import { HubError } from '@hub/errors';
import type { TransportReport, XtaClient, XtaRouting } from '@hub/xoev';
import type { XtaSendKey, XtaSendLog } from './xta-send-log.js';

export interface TransportTiming {
  readonly pollIntervalMs: number;
  readonly deadlineMs: number;
}

/** XTA 2 TransportReport/MessageStatus/Status: 0 open, 1 green, 2 yellow, 3 red. */
const reportStatus = { open: 0, green: 1, yellow: 2, red: 3 } as const;

/**
 * Sends one XÖV message over XTA 2 and waits for its final transport report. XTA faults keep the
 * classification of `@hub/xoev` (technical problems retryable, schema violations fatal).
 *
 * Once per message: the XTA message id is recorded (`XtaSendLog`) before sendMessage, so a retry
 * after an unanswered sendMessage (timeout, cut connection, killed process) first asks the server
 * about that id and sends again only when the message is not there, under the same id.
 */
export class XbauTransport {
  constructor(
    private readonly xta: Pick<XtaClient, 'createMessageId' | 'sendMessage' | 'getTransportReport'>,
    private readonly log: Pick<XtaSendLog, 'recall' | 'sendingAs' | 'sent'>,
    private readonly timing: TransportTiming,
  ) {}

  /** The message (`key`: group and nachrichtenUUID) at the server, then its final report; returns its XTA id. */
  async send(xml: string, routing: XtaRouting, key: XtaSendKey): Promise<string> {
    const messageId = await this.atServer(xml, routing, key);
    const report = await this.finalReport(messageId);
    if (report.status === reportStatus.red) {
      throw new HubError(
        'XBAU_TRANSPORT_FAILED',
        `XTA transport report for ${messageId} is red (3): the message was not delivered`,
        { retryable: false },
      );
    }
    return messageId;
  }

  private async atServer(xml: string, routing: XtaRouting, key: XtaSendKey) {
    const earlier = await this.log.recall(key);
    if (earlier?.sent) return earlier.xtaMessageId;
    const known = earlier && (await this.reportOf(earlier.xtaMessageId));
    if (known && known.status !== reportStatus.open) {
      await this.log.sent(key);
      return known.messageId;
    }
    // Still open: sent again under the same id, which the server can recognise.
    const messageId = known?.messageId ?? (await this.xta.createMessageId());
    if (!known) await this.log.sendingAs(key, messageId);
    await this.xta.sendMessage(messageId, xml, routing);
    await this.log.sent(key);
    return messageId;
  }

  /** The server's report on an earlier attempt's id; undefined when the server lacks the id. */
  private async reportOf(messageId: string): Promise<TransportReport | undefined> {
    try {
      return await this.xta.getTransportReport(messageId);
    } catch (error) {
      if (error instanceof HubError && error.code === 'XTA_MESSAGE_ID_UNKNOWN') return undefined;
      throw error;
    }
  }

  private async finalReport(messageId: string): Promise<TransportReport> {
    const giveUpAt = Date.now() + this.timing.deadlineMs;
    for (;;) {
      const report = await this.xta.getTransportReport(messageId);
      if (report.status !== reportStatus.open) return report;
      if (Date.now() >= giveUpAt) {
        throw new HubError(
          'XBAU_TRANSPORT_REPORT_OVERDUE',
          `XTA transport report for ${messageId} still open after ${this.timing.deadlineMs} ms`,
          { retryable: true },
        );
      }
      await sleep(this.timing.pollIntervalMs);
    }
  }
}
