import type { DrinkingWaterLimitTable } from '@hub/contracts';
import { HubError } from '@hub/errors';
import type { BoxReading } from '@hub/message-box';
import {
  describeReasons,
  parameterListVersions,
  parseXml,
  readLabReport,
  readXwasserHead,
  xwasser,
  type LabReport,
  type RejectionClass,
  type XoevValidator,
  type XwasserHead,
} from '@hub/xoev';
import { unitMismatches } from './judge-limits.js';

/** What the health office does with a message it could read far enough to answer its author. */
export type LabMessage =
  | { readonly kind: 'report'; readonly head: XwasserHead; readonly report: LabReport }
  | { readonly kind: 'status-request'; readonly head: XwasserHead }
  /** A message the office only acknowledges (e.g. vorgang.nachricht.2020). */
  | { readonly kind: 'acknowledge'; readonly head: XwasserHead }
  /** A Quittung, Rückweisung or Statusantwort of a lab: answered by nothing (XWasser: no answer to an answer). */
  | { readonly kind: 'answer'; readonly head: XwasserHead }
  | {
      readonly kind: 'refuse';
      readonly head: XwasserHead;
      readonly reason: RejectionClass;
      readonly details: readonly string[];
    };

export interface LabMessageReading {
  readonly validator: XoevValidator;
  readonly table: DrinkingWaterLimitTable;
  /** The health office's DVDV id: every message must name it as reader. */
  readonly officeId: string;
  /** Largest message taken in; anything larger is dead-lettered. */
  readonly maxBytes: number;
}

const answers = new Set([
  'administration.quittung.0020',
  'administration.rueckweisung.0010',
  'vorgang.statusantwort.2040',
]);

/**
 * One fetched message → what to do with it. A message whose author can be read gets an answer,
 * even when it is invalid (Rückweisung with the validator's reasons); one that is not even XML
 * with an XWasser head goes to the dead letters. Only retryable errors are thrown.
 */
export async function readLabMessage(
  xml: string,
  deps: LabMessageReading,
): Promise<BoxReading<LabMessage>> {
  if (xml.trim() === '') return rejected('XWASSER_EMPTY', 'the message has no content');
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > deps.maxBytes)
    return rejected('XWASSER_TOO_LARGE', `message is ${bytes} bytes, at most ${deps.maxBytes}`);
  let parsed;
  try {
    parsed = await parseXml(xml);
  } catch (error) {
    return unreadable(error);
  }
  const head = readXwasserHead(parsed.rootName, parsed.root);
  if (!head.author.id || !head.nachrichtenUUID)
    return rejected(
      'XWASSER_NO_HEAD',
      'no nachrichtenkopf.g2g with autor and nachrichtenUUID: no one to answer',
    );
  const refuse = (reason: RejectionClass, details: readonly string[]): BoxReading<LabMessage> => ({
    kind: 'read',
    value: refusal(head, reason, details),
  });

  try {
    const validation = await deps.validator.validate(xml);
    if (!validation.valid) return refuse('xml', describeReasons(validation.reasons).split('\n'));
    if (validation.standard !== `${xwasser.standard} ${xwasser.version}`)
      return refuse('version', [`${validation.standard} is not XWasser ${xwasser.version}`]);
  } catch (error) {
    if (error instanceof HubError && error.retryable) throw error;
    if (error instanceof HubError && error.code === 'XOEV_UNKNOWN_SCHEMA')
      return refuse('version', [error.message]);
    return unreadable(error);
  }
  if (head.reader.id !== deps.officeId)
    return refuse('specification', [`addressed to ${head.reader.id}, not to ${deps.officeId}`]);
  return { kind: 'read', value: classify(parsed.root, head, deps.table) };
}

/** A valid message addressed to the office: by its type, and a report by the limit table. */
function classify(
  root: Record<string, unknown>,
  head: XwasserHead,
  table: DrinkingWaterLimitTable,
): LabMessage {
  const refused = (reason: RejectionClass, details: readonly string[]): LabMessage =>
    refusal(head, reason, details);
  if (answers.has(head.messageName)) return { kind: 'answer', head };
  if (head.messageName === 'vorgang.statusanfrage.2030') return { kind: 'status-request', head };
  if (head.messageName !== 'vorgang.transportieren.2010') return { kind: 'acknowledge', head };
  const report = readLabReport(root);
  if (!report) return refused('specification', ['the Vorgang carries no Prüfbericht']);
  const versions = parameterListVersions(root);
  if (versions.some((version) => version !== table.parameterList.version))
    return refused('version', [
      `code list ${table.parameterList.uri} version ${versions.join(', ')}: the health office judges version ${table.parameterList.version} (limit table ${table.version})`,
    ]);
  const mismatches = unitMismatches(report, table);
  if (mismatches.length > 0)
    return refused(
      'specification',
      mismatches.map(
        (mismatch) =>
          `parameter ${mismatch.parameterCode} in ${mismatch.unit}: its limit is in ${mismatch.limitUnit}`,
      ),
    );
  return { kind: 'report', head, report };
}

function refusal(
  head: XwasserHead,
  reason: RejectionClass,
  details: readonly string[],
): LabMessage {
  return { kind: 'refuse', head, reason, details };
}

function unreadable(error: unknown): BoxReading<LabMessage> {
  if (error instanceof HubError && error.retryable) throw error;
  if (error instanceof HubError) return rejected(error.code, error.message);
  return rejected('XWASSER_UNREADABLE', error instanceof Error ? error.message : 'unknown');
}

function rejected(code: string, reason: string): BoxReading<LabMessage> {
  return { kind: 'rejected', code, reason };
}
