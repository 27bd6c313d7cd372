import { outboundId } from '@hub/kit';
import {
  toQuittung0020,
  toRueckweisung0010,
  toStatusantwort2040,
  xwasser,
  xwasserMessageCodes,
  xwasserStatus,
  type XtaClient,
  type XwasserContext,
  type XwasserHead,
  type XwasserMessageName,
  type XwasserParty,
} from '@hub/xoev';
import type { LabMessage } from './read-lab-message.js';

/** One answer to a lab: which message, its bytes, and the id that makes resending it idempotent. */
export interface LabAnswer {
  readonly name: XwasserMessageName;
  readonly nachrichtenUUID: string;
  readonly xml: string;
}

const product = { name: 'Integrationsplattform', vendor: 'Stadt', version: '1.0.0' };

/**
 * PURE: the answers the health office owes a message (XWasser: every message gets a Quittung or
 * a Rückweisung, a status request also a Statusantwort, an answer nothing). Their nachrichtenUUIDs
 * derive from the message's, so the same message always gets the same answers.
 */
export function answersTo(
  message: LabMessage,
  office: XwasserParty,
  now: Date,
  caseKnown = false,
): LabAnswer[] {
  const { head } = message;
  const answer = (
    name: XwasserMessageName,
    build: (context: XwasserContext) => string,
  ): LabAnswer => {
    const nachrichtenUUID = outboundId(head.nachrichtenUUID, `xwasser-answer:${name}`);
    const context = {
      nachrichtenUUID,
      createdAt: now,
      author: office,
      reader: head.author,
      referenzUUID: head.nachrichtenUUID,
      product,
    };
    return { name, nachrichtenUUID, xml: build(context) };
  };
  const caseId = caseOf(head);
  const quittung = answer('administration.quittung.0020', (context) =>
    toQuittung0020(caseId, context),
  );
  switch (message.kind) {
    case 'answer':
      return [];
    case 'refuse':
      return [
        answer('administration.rueckweisung.0010', (context) =>
          toRueckweisung0010(
            { reason: message.reason, details: message.details, checkedBy: office.name },
            context,
          ),
        ),
      ];
    case 'status-request':
      return [
        quittung,
        answer('vorgang.statusantwort.2040', (context) =>
          toStatusantwort2040(
            caseId,
            caseKnown ? xwasserStatus.reportReceived : xwasserStatus.unknownCase,
            context,
          ),
        ),
      ];
    default:
      return [quittung];
  }
}

/** The XTA routing of an answer: from the office to the message's author. */
export function answerRouting(
  answer: LabAnswer,
  office: XwasserParty,
  lab: XwasserParty,
): Parameters<XtaClient['sendMessage']>[2] {
  return {
    author: office.id,
    reader: lab.id,
    service: xwasser.service,
    businessScenario: xwasser.businessScenario,
    messageType: { code: xwasserMessageCodes[answer.name], payloadSchema: xwasser.namespace },
  };
}

/**
 * A Quittung names a Vorgang; a message too broken to name one (a Rückweisung's case) is
 * answered under the nil UUID, which the XSD's UUID pattern accepts.
 */
function caseOf(head: XwasserHead): string {
  return head.caseId && /^[0-9a-f-]{36}$/i.test(head.caseId)
    ? head.caseId
    : '00000000-0000-0000-0000-000000000000';
}
