import { setTimeout as sleep } from 'node:timers/promises';
import { HubError } from '@hub/errors';
import type { TransportReport, XtaClient, XtaRouting } from '@hub/xoev';

export interface TransportTiming {
  readonly pollIntervalMs: number;
  readonly deadlineMs: number;
}

/** XTA 2 TransportReport/MessageStatus/Status: 0 open, 1 green, 2 yellow, 3 red. */
const reportStatus = { open: 0, green: 1, yellow: 2, red: 3 } as const;

/**
 * Sends one XÖV message over XTA 2 and waits for its final transport report. XTA faults keep the
 * classification of `@hub/xoev` (technical problems retryable, schema violations fatal).
 */
export class XbauTransport {
  constructor(
    private readonly xta: XtaClient,
    private readonly timing: TransportTiming,
  ) {}

  /** createMessageId → sendMessage → getTransportReport until final; returns the XTA message id. */
  async send(xml: string, routing: XtaRouting): Promise<string> {
    const messageId = await this.xta.createMessageId();
    await this.xta.sendMessage(messageId, xml, routing);
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
