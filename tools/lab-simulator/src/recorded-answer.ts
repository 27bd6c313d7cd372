import {
  parseXml,
  readXwasserHead,
  xmlChild as first,
  xmlChildren as all,
  xmlText as text,
} from '@hub/xoev';

/** An answer the health office sent the lab, as the lab simulator recorded it. */
export interface RecordedAnswer {
  readonly messageName: string;
  readonly nachrichtenUUID: string;
  /** The lab's message this answers (nachrichtenkopf.g2g/referenzUUID). */
  readonly referenzUUID?: string;
  readonly caseId?: string;
  /** Rückweisung: grund/code and every grundSpezifisch/fehlerbeschreibung. */
  readonly rejection?: { readonly code: string; readonly details: readonly string[] };
  /** Quittung or Statusantwort: the status code sent. */
  readonly statusCode?: string;
  readonly xml: string;
}

/** Reads an answer of the health office; anything that is not even XML is kept as `unreadable`. */
export async function recordAnswer(xml: string): Promise<RecordedAnswer> {
  let parsed;
  try {
    parsed = await parseXml(xml);
  } catch {
    return { messageName: 'unreadable', nachrichtenUUID: '', xml };
  }
  const { root, rootName } = parsed;
  const head = readXwasserHead(rootName, root);
  const rueckweisung = first(root, 'rueckweisung');
  const grund = first(rueckweisung, 'rueckweisungsgrund');
  const status =
    first(first(root, 'quittung'), 'aktuellerStatusTechnisch') ??
    first(first(root, 'status'), 'aktuellerStatusFachlich');
  return {
    messageName: rootName,
    nachrichtenUUID: head.nachrichtenUUID,
    ...(head.referenzUUID ? { referenzUUID: head.referenzUUID } : {}),
    ...(head.caseId ? { caseId: head.caseId } : {}),
    ...(grund
      ? {
          rejection: {
            code: text(first(grund, 'grund'), 'code'),
            details: all(grund, 'grundSpezifisch').map((item) => text(item, 'fehlerbeschreibung')),
          },
        }
      : {}),
    ...(status ? { statusCode: text(status, 'code') } : {}),
    xml,
  };
}
