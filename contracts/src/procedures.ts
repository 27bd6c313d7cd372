import { ContractError } from './contract-error.js';
import type { CitizenState, XoevStandard } from './generated/index.js';
import type { eventTopics } from './topics.js';
import { xbauProcedure } from './xbau-procedure.js';
import { xwasserProcedure } from './xwasser-procedure.js';

/**
 * A kind of specialist procedure the hub can deliver to: the routing table's `procedure`. Each
 * kind has a delivery topic of its own, read by its connector alone, so no connector sees, skips
 * or dead-letters another's work (ADR 0014). XBau keeps `procedure.delivery-requested.v1`, the
 * name it had before there were kinds; a new kind gets `procedure.<kind>.delivery-requested.v1`.
 */
export interface ProcedureKind {
  readonly kind: string;
  /** The XÖV standards its connector can speak; routes to any other standard are refused. */
  readonly standards: readonly XoevStandard[];
  /** The event topic (`procedure/delivery-requested` values) its connector reads. */
  readonly deliveryTopic: (typeof eventTopics)[number]['name'];
  /** Who speaks on the citizen's timeline when the procedure reports, e.g. "Bauaufsicht". */
  readonly authorityLabel: string;
  /**
   * What each status code its connector reports (`procedure/status-reported` statusCode) means
   * for the citizen; a code not listed means the case is being worked on (PROCESSING).
   */
  readonly citizenStates: Readonly<Record<string, Exclude<CitizenState, 'UNKNOWN'>>>;
}

export const procedureKinds = [
  xbauProcedure,
  xwasserProcedure,
] as const satisfies readonly ProcedureKind[];

export type ProcedureKindName = (typeof procedureKinds)[number]['kind'];
export type DeliveryTopicName = (typeof procedureKinds)[number]['deliveryTopic'];

/** The kind named `kind`; a name the catalogue does not know is a contract error. */
export function procedureKind(
  kind: string,
  kinds: readonly ProcedureKind[] = procedureKinds,
): ProcedureKind {
  const found = kinds.find((candidate) => candidate.kind === kind);
  if (!found) throw new ContractError(`No procedure kind ${kind} in the catalogue.`);
  return found;
}

/** The delivery topic of one of the hub's procedure kinds. */
export function deliveryTopicOf(kind: string): DeliveryTopicName {
  const found = procedureKinds.find((candidate) => candidate.kind === kind);
  if (!found) throw new ContractError(`No procedure kind ${kind} in the catalogue.`);
  return found.deliveryTopic;
}
