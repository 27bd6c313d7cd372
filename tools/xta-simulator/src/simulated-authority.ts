import { randomUUID } from 'node:crypto';
import {
  parseXml,
  XoevValidator,
  describeReasons,
  type XmlObject,
  type XtaRouting,
} from '@hub/xoev';
import {
  caseNumber,
  kernmodul,
  portalStatus,
  receipt,
  type ReceivedApplication,
} from './authority-replies.js';
import { MessageBoxStore } from './message-box-store.js';
import { permitNotice, type MessageWithAttachments, type XtaAttachment } from './permit-notice.js';
import type { ReplyDelays } from './simulator-options.js';

/** A message waiting in the message box for the hub to fetch. */
export interface BoxEntry {
  readonly messageId: string;
  readonly xml: string;
  /** Who sent it to whom and what it is: the MessageMetaData the box hands out with it. */
  readonly routing: XtaRouting;
  readonly deliveredAt: Date;
  /** Documents that travel beside the message in its container (xta:Attachment). */
  readonly attachments?: readonly XtaAttachment[];
}

/** What the XTA server knows of a message the hub sent: its transport status and routing. */
export interface SentMessage {
  /** 0 open, 1 green (delivered), 3 red (refused). */
  readonly status: number;
  /** Absent until sendMessage brought the MessageMetaData. */
  readonly routing?: XtaRouting;
}

/** Routing of a message whose origin the simulator does not know (a bare id, a reply put in by hand). */
export const unknownRouting: XtaRouting = {
  author: 'bab:unbekannt',
  reader: 'bpt:unbekannt',
  service: 'urn:xoev-de:bmk:standard:xbau',
  businessScenario: 'XBAU_BAUGENEHMIGUNG',
  messageType: { code: 'unbekannt', payloadSchema: 'urn:xoev-de:unbekannt' },
};

/**
 * What stands behind the XTA server: the building-supervision authority that answers every 0200
 * (default), or a plain message box that keeps each valid message for its reader.
 */
export type SimulatorRole = 'building-authority' | 'message-box';

export type DeliveryOutcome =
  { readonly accepted: true } | { readonly accepted: false; readonly reason: string };

/**
 * The building-supervision authority behind the XTA server: validates each delivered XÖV message
 * against the same schema sets as the hub, counts deliveries by nachrichtenUUID, keeps transport
 * reports, and after the configured delays puts 1120, 1121 and the 1170 statuses in the box.
 */
export class SimulatedAuthority {
  readonly deliveries = new Map<string, number>();
  /** Valid deliveries by the application they carry (`referenzAntragsservice`). */
  readonly deliveriesByApplication = new Map<string, number>();
  /** The documents the authority issued (the 0205's notices), by the application they decide. */
  readonly documentsByApplication = new Map<string, readonly XtaAttachment[]>();
  private readonly sent = new Map<string, SentMessage>();
  /** The message box the hub reads: the replies (or, as a plain box, the messages kept). */
  readonly box = new MessageBoxStore();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly validator = new XoevValidator();
  private caseCounter = 0;

  constructor(
    private readonly delays: ReplyDelays,
    private readonly statusSequence: readonly string[],
    private readonly duplicateReplies: () => boolean,
    private readonly role: SimulatorRole = 'building-authority',
  ) {}

  createMessageId(): string {
    const id = `urn:de:xta:messageid:simulator:${randomUUID()}`;
    this.sent.set(id, { status: 0 });
    return id;
  }

  async deliver(messageId: string, xml: string, routing: XtaRouting): Promise<DeliveryOutcome> {
    if (this.role === 'message-box') return this.keepForReader(messageId, xml, routing);
    const result = await this.validator.validate(xml).catch((error: unknown) => error);
    if (result instanceof Error) return this.refuse(messageId, routing, result.message);
    if (!('valid' in (result as object)))
      return this.refuse(messageId, routing, 'not an XÖV message');
    const validation = result as Awaited<ReturnType<XoevValidator['validate']>>;
    if (!validation.valid)
      return this.refuse(messageId, routing, describeReasons(validation.reasons));
    const application = await readApplication(xml);
    const seen = this.deliveries.get(application.nachrichtenUUID) ?? 0;
    this.deliveries.set(application.nachrichtenUUID, seen + 1);
    const { referenzAntragsservice: applicationId } = application;
    this.deliveriesByApplication.set(
      applicationId,
      (this.deliveriesByApplication.get(applicationId) ?? 0) + 1,
    );
    this.sent.set(messageId, { status: 1, routing });
    // A redelivered message (same nachrichtenUUID) is acknowledged but not processed again.
    if (seen === 0) this.scheduleReplies(application);
    return { accepted: true };
  }

  /**
   * A message box only (the health office's or a lab's XTA account): like a real XTA server it
   * transports whatever is sent, valid or not (judging the content is the reader's job), and the
   * message waits in the box with the MessageMetaData it was sent with; nothing answers.
   */
  private async keepForReader(
    messageId: string,
    xml: string,
    routing: XtaRouting,
  ): Promise<DeliveryOutcome> {
    const nachrichtenUUID = await readHead(xml).then(
      (head) => head.nachrichtenUUID,
      () => '',
    );
    if (nachrichtenUUID)
      this.deliveries.set(nachrichtenUUID, (this.deliveries.get(nachrichtenUUID) ?? 0) + 1);
    this.sent.set(messageId, { status: 1, routing });
    this.box.put({ messageId, xml, routing, deliveredAt: new Date() });
    return { accepted: true };
  }

  /** Replies scheduled but not yet in the message box. */
  pendingReplies(): number {
    return this.timers.size;
  }

  transportReport(messageId: string): SentMessage | undefined {
    return this.sent.get(messageId);
  }

  fetch(messageId: string): BoxEntry | undefined {
    return this.box.get(messageId);
  }

  close(messageId: string): boolean {
    return this.box.remove(messageId);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.validator.dispose();
  }

  private refuse(messageId: string, routing: XtaRouting, reason: string): DeliveryOutcome {
    this.sent.set(messageId, { status: 3, routing });
    return { accepted: false, reason };
  }

  private scheduleReplies(application: ReceivedApplication): void {
    this.caseCounter += 1;
    const vorgang = `BA-${new Date().getFullYear()}-${String(this.caseCounter).padStart(4, '0')}`;
    const replies: { code: string; write: (now: Date) => string | MessageWithAttachments }[] = [
      { code: '1120', write: (now) => receipt(application, now) },
      { code: '1121', write: (now) => caseNumber(application, vorgang, now) },
      ...this.statusSequence.flatMap((status) => {
        const decision = decisions[status];
        const notice =
          decision === undefined
            ? []
            : [
                {
                  code: '0205',
                  write: (now: Date) => permitNotice(application, vorgang, decision, now),
                },
              ];
        // The decision (0205 with the notice) is issued first, then the portal status says so.
        return [
          ...notice,
          { code: '1170', write: (now: Date) => portalStatus(application, vorgang, status, now) },
        ];
      }),
    ];
    let at = this.delays.receiptMs;
    replies.forEach((reply, index) => {
      if (index === 1) at += this.delays.caseNumberMs;
      if (index > 1) at += this.delays.statusMs;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        const written = reply.write(new Date());
        const message = typeof written === 'string' ? { xml: written, attachments: [] } : written;
        if (message.attachments.length > 0)
          this.documentsByApplication.set(application.referenzAntragsservice, message.attachments);
        this.putInBox(message, replyRouting(application, reply.code));
      }, at);
      this.timers.add(timer);
    });
  }

  /** Puts any text into the box as if an authority had sent it (tests of hostile replies). */
  injectReply(xml: string): string {
    const messageId = `urn:de:xta:messageid:simulator:${randomUUID()}`;
    this.box.put({ messageId, xml, routing: unknownRouting, deliveredAt: new Date() });
    return messageId;
  }

  private putInBox(message: MessageWithAttachments, routing: XtaRouting = unknownRouting): void {
    const copies = this.duplicateReplies() ? 2 : 1;
    for (let copy = 0; copy < copies; copy += 1) {
      const messageId = `urn:de:xta:messageid:simulator:${randomUUID()}`;
      this.box.put({ messageId, ...message, routing, deliveredAt: new Date() });
    }
  }
}

/**
 * statusbauportal codes that announce a decision on the application: before the 1170 the
 * authority sends the 0205 Bescheid with the notice (10 Bescheid erteilt: a permit; 06
 * Baugenehmigungsantrag abgelehnt: a refusal).
 */
const decisions: Readonly<Record<string, boolean>> = { '10': true, '06': false };

/** The authority answers the author of the 0200: a Kernmodul process message or the 0205. */
function replyRouting(application: ReceivedApplication, code: string): XtaRouting {
  const payloadSchema =
    code === '0205'
      ? `http://www.xleitstelle.de/xbau/${application.xbauVersion.replace('.', '/')}`
      : kernmodul[application.xbauVersion].namespace;
  return {
    author: application.reader.id,
    reader: application.author.id,
    service: 'urn:xoev-de:bmk:standard:xbau',
    businessScenario: 'XBAU_BAUGENEHMIGUNG',
    messageType: { code, payloadSchema },
  };
}

/** The nachrichtenUUID of any XÖV message (nachrichtenkopf.g2g is the same in every standard). */
async function readHead(xml: string): Promise<{ nachrichtenUUID: string }> {
  const { nachrichtenUUID } = await readApplication(xml);
  return { nachrichtenUUID };
}

/** The few facts of a 0200 the authority needs to answer it. */
async function readApplication(xml: string): Promise<ReceivedApplication> {
  const { root } = await parseXml(xml);
  const text = (node: unknown, ...path: string[]): string => {
    let at: unknown = node;
    for (const name of path)
      at = ((at as XmlObject | undefined)?.[name] as unknown[] | undefined)?.[0];
    return typeof at === 'string' ? at : '';
  };
  const head = (root['nachrichtenkopf.g2g'] as unknown[] | undefined)?.[0];
  const version = (root.$ as Record<string, string> | undefined)?.version;
  return {
    xbauVersion: version === '2.5' ? '2.5' : '2.6',
    nachrichtenUUID: text(head, 'identifikation.nachricht', 'nachrichtenUUID'),
    referenzAntragsservice: text(root, 'referenzAntragsservice', 'referenzAntragsservice'),
    author: { id: text(head, 'autor', 'kennung'), name: text(head, 'autor', 'name') },
    reader: { id: text(head, 'leser', 'kennung'), name: text(head, 'leser', 'name') },
  };
}
