import { randomUUID } from 'node:crypto';
import { drinkingWaterLimits } from '@hub/contracts';
import {
  toStatusanfrage2030,
  toTransportieren2010,
  xwasser,
  xwasserMessageCodes,
  XtaClient,
  type XwasserMessageName,
  type XwasserParty,
} from '@hub/xoev';
import { startXtaSimulator } from '@hub/xta-simulator';
import { LabOrders, type LabOrder, type OrderTaken } from './lab-order.js';
import { recordAnswer, type RecordedAnswer } from './recorded-answer.js';
import { toLabReport, type ReportOrder } from './report-order.js';

export interface LabSimulatorOptions {
  /** Port of the lab's own XTA box (answers arrive there); 0 picks a free one. */
  readonly port: number;
  readonly host?: string;
  /** The health office's XTA server, where reports go. */
  readonly healthOfficeXtaUrl: string;
  readonly lab?: XwasserParty;
  readonly healthOffice?: XwasserParty;
  /** The lab's SHAPTH id (zugelasseneUntersuchungsstelleID). */
  readonly labId?: string;
  /** The limit table the lab assesses its values by (contracts/limits). */
  readonly limitTableVersion?: string;
}

/** What the lab sent: the ids an answer refers to. */
export interface SentMessage {
  readonly nachrichtenUUID: string;
  readonly caseId: string;
  readonly xtaMessageId: string;
}

export interface LabSimulator {
  /** The lab's XTA box: the health office sends its answers here. */
  readonly boxUrl: string;
  /** Every answer taken from the box so far, oldest first. */
  readonly answers: readonly RecordedAnswer[];
  /** The health offices' orders taken so far. */
  readonly orders: LabOrders;
  /** Takes a health office's order (an order sent again is the same order). */
  takeOrder(order: LabOrder): OrderTaken;
  /**
   * Sends a vorgang.transportieren.2010 with a Prüfbericht of the ordered values; for an order
   * (`orderId`, which must have been taken) to the office that ordered it.
   */
  sendReport(order: ReportOrder): Promise<SentMessage>;
  /** Sends any text as if it were an XWasser message (hostile and broken input for the office). */
  sendRaw(xml: string, messageName?: XwasserMessageName): Promise<string>;
  /** Sends a vorgang.statusanfrage.2030 for a case. */
  sendStatusRequest(caseId: string): Promise<SentMessage>;
  /** Takes every answer waiting in the lab's box, records and closes it; returns the new ones. */
  collectAnswers(): Promise<RecordedAnswer[]>;
  stop(): Promise<void>;
}

const product = { name: 'Labor-Informationssystem', vendor: 'Labor-Simulator', version: '1.0.0' };

/**
 * An accredited drinking-water lab: sends XWasser 1.0.0 reports built by @hub/xoev's builders
 * (valid against the official XSDs) to the health office's XTA server, and keeps an XTA box of its
 * own (the XTA simulator in the message-box role) where the Quittung, Rückweisung and
 * Statusantwort arrive, to be recorded.
 */
export async function startLabSimulator(options: LabSimulatorOptions): Promise<LabSimulator> {
  const lab = options.lab ?? { id: 'labor:DE-TW-0042', name: 'Musterlabor Trinkwasser GmbH' };
  const office = options.healthOffice ?? {
    id: 'gesundheitsamt:05315000',
    name: 'Gesundheitsamt Köln',
  };
  const labId = options.labId ?? 'DE-TW-0042';
  const table = drinkingWaterLimits(options.limitTableVersion ?? 'trinkwv-2023.1');
  const box = await startXtaSimulator({
    port: options.port,
    role: 'message-box',
    ...(options.host ? { host: options.host } : {}),
  });
  const client = { timeoutMs: 10_000, security: { kind: 'none' } as const };
  const officeXta = XtaClient.create({ ...client, endpoint: options.healthOfficeXtaUrl });
  const own = XtaClient.create({ ...client, endpoint: box.url });
  const answers: RecordedAnswer[] = [];
  const orders = new LabOrders();

  const send = async (
    xml: string,
    name: XwasserMessageName,
    reader: XwasserParty = office,
  ): Promise<string> => {
    const xtaMessageId = await officeXta.createMessageId();
    await officeXta.sendMessage(xtaMessageId, xml, {
      author: lab.id,
      reader: reader.id,
      service: xwasser.service,
      businessScenario: xwasser.businessScenario,
      messageType: { code: xwasserMessageCodes[name], payloadSchema: xwasser.namespace },
    });
    return xtaMessageId;
  };
  const context = (reader: XwasserParty = office) => ({
    nachrichtenUUID: randomUUID(),
    createdAt: new Date(),
    author: lab,
    reader,
    product,
  });

  return {
    boxUrl: box.url,
    answers,
    orders,
    takeOrder: (order) => orders.take(order),
    async sendReport(order) {
      const ordered = order.orderId === undefined ? undefined : orders.get(order.orderId);
      if (order.orderId !== undefined && !ordered)
        throw new TypeError(`The lab holds no order ${order.orderId}.`);
      const report = toLabReport(order, table, labId, new Date(), ordered);
      const reportTo = ordered?.reportTo ?? office;
      const head = context(reportTo);
      const issuer = {
        labName: lab.name,
        orderedBy: { id: reportTo.id, name: reportTo.name, stateCode: 'DENW' },
        softwareVersion: `${product.name} ${product.version}`,
      };
      const xml = toTransportieren2010(report, issuer, head);
      const xtaMessageId = await send(xml, 'vorgang.transportieren.2010', reportTo);
      return { nachrichtenUUID: head.nachrichtenUUID, caseId: report.caseId, xtaMessageId };
    },
    sendRaw: (xml, name = 'vorgang.transportieren.2010') => send(xml, name),
    async sendStatusRequest(caseId) {
      const head = context();
      const xtaMessageId = await send(
        toStatusanfrage2030(caseId, head),
        'vorgang.statusanfrage.2030',
      );
      return { nachrichtenUUID: head.nachrichtenUUID, caseId, xtaMessageId };
    },
    async collectAnswers() {
      const taken: RecordedAnswer[] = [];
      for (const messageId of await own.getStatusList()) {
        taken.push(await recordAnswer(await own.getMessage(messageId)));
        await own.close(messageId);
      }
      answers.push(...taken);
      return taken;
    },
    stop: () => box.stop(),
  };
}
