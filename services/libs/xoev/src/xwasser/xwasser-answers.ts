import { code, element, type XmlNode } from '../xml/xml-node.js';
import { qualified, renderXwasser } from './xwasser-document.js';
import type { XwasserContext } from './xwasser-context.js';
import { xwasserLists } from './xwasser-lists.js';

/**
 * Codes the hub sends from lists whose values the XSD does not publish (statustechnisch,
 * statusfachlich of xewaffe, version 1): each goes with its `name`, so a reader that does not
 * know the code still reads what it means.
 */
export const xwasserStatus = {
  received: { code: '1000', name: 'Nachricht empfangen und angenommen' },
  reportReceived: { code: '2000', name: 'Prüfbericht liegt dem Gesundheitsamt vor' },
  unknownCase: { code: '2900', name: 'Vorgang unbekannt' },
} as const;

/**
 * Rückweisungsgründe (urn:xoev-de:xgewerbeordnung:codeliste:rueckweisungsgruende, version 1):
 * the key's prefix says the class (T transport, X formal XML, V version, S not as specified).
 */
export const rejectionReasons = {
  xml: { code: 'X001', name: 'Nachricht ist nicht schemakonform' },
  version: {
    code: 'V001',
    name: 'Standard, Version oder Codelisten-Version wird nicht unterstützt',
  },
  specification: { code: 'S001', name: 'Nachricht entspricht nicht der Spezifikation' },
} as const;

export type RejectionClass = keyof typeof rejectionReasons;
type NamedCode = { readonly code: string; readonly name: string };

/**
 * administration.quittung.0020: identifikationVorgang/vorgangsID, quittung/aktuellerStatusTechnisch.
 * The quittierte message is named in nachrichtenkopf.g2g/referenzUUID (context.referenzUUID).
 */
export function toQuittung0020(caseId: string, context: XwasserContext): string {
  return renderXwasser('administration.quittung.0020', context, {
    identifikationVorgang: qualified({ vorgangsID: caseId }),
    quittung: qualified({
      aktuellerStatusTechnisch: namedCode(xwasserStatus.received, xwasserLists.technicalStatus),
    }),
  });
}

export interface Rejection {
  readonly reason: RejectionClass;
  /** One line per finding (the validator's reasons), each a grundSpezifisch/fehlerbeschreibung. */
  readonly details: readonly string[];
  /** Who checked: rueckweisendeStelle/pruefinstanz. */
  readonly checkedBy: string;
  /** The rejected message's XTA message id and its bytes (base64 in rueckweisung/nachricht). */
  readonly rejectedMessageId?: string;
  readonly rejectedMessage?: string;
}

/**
 * administration.rueckweisung.0010: rueckweisung/{rueckweisungsgrund/{grund, grundSpezifisch*},
 * transportinformationen/nachrichtenId, nachricht (base64)}. One grund (the XSD: "nur die zuerst
 * gefundene"), every finding below it.
 */
export function toRueckweisung0010(rejection: Rejection, context: XwasserContext): string {
  const reason = rejectionReasons[rejection.reason];
  return renderXwasser('administration.rueckweisung.0010', context, {
    rueckweisung: qualified({
      rueckweisendeStelle: undefined,
      rueckweisungsgrund: qualified({
        grund: namedCode(reason, xwasserLists.rejectionReason),
        grundSpezifisch: rejection.details.map((detail) =>
          qualified({ fehlerbeschreibung: detail }),
        ),
      }),
      transportinformationen:
        rejection.rejectedMessageId === undefined
          ? undefined
          : qualified({ nachrichtenId: rejection.rejectedMessageId }),
      nachricht:
        rejection.rejectedMessage === undefined
          ? undefined
          : Buffer.from(rejection.rejectedMessage, 'utf8').toString('base64'),
    }),
  });
}

/** vorgang.statusanfrage.2030: identifikationVorgang/vorgangsID. */
export function toStatusanfrage2030(caseId: string, context: XwasserContext): string {
  return renderXwasser('vorgang.statusanfrage.2030', context, {
    identifikationVorgang: qualified({ vorgangsID: caseId }),
  });
}

/** vorgang.statusantwort.2040: identifikationVorgang/vorgangsID, status/aktuellerStatusFachlich. */
export function toStatusantwort2040(
  caseId: string,
  status: NamedCode,
  context: XwasserContext,
): string {
  return renderXwasser('vorgang.statusantwort.2040', context, {
    identifikationVorgang: qualified({ vorgangsID: caseId }),
    status: qualified({
      aktuellerStatusFachlich: namedCode(status, xwasserLists.businessStatus),
    }),
  });
}

function namedCode(value: NamedCode, list: { uri: string; version: string }): XmlNode {
  return element({ ...(code(value.code, list) as object), name: value.name });
}
