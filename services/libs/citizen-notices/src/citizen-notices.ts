import type { CitizenState, DocumentKind, ProcedureKind } from '@hub/contracts';

/*
 * Every German text the citizen reads about their application, written once: the case router puts
 * them on `case.citizen-status-changed` (the portal timeline shows them), the postbox connector
 * sends the same texts to the citizen's postbox, with the subject lines below.
 */

/** What the citizen is told about their application: a state, a German text, and whether to act. */
export interface CitizenStatus {
  readonly state: Exclude<CitizenState, 'UNKNOWN'>;
  readonly statusText: string;
  readonly actionRequired: boolean;
  readonly actionText: string | null;
}

const status = (
  state: CitizenStatus['state'],
  statusText: string,
  actionText: string | null = null,
): CitizenStatus => ({
  state,
  statusText,
  actionRequired: actionText !== null,
  actionText,
});

/** The citizen's view of each step the hub itself takes. */
export const hubSteps = {
  submitted: status(
    'SUBMITTED',
    'Ihr Antrag ist eingegangen und wird an die zuständige Stelle weitergeleitet.',
  ),
  awaitingPayment: status(
    'ACTION_REQUIRED',
    'Für Ihren Antrag fällt eine Gebühr an.',
    'Bitte bezahlen Sie die Gebühr, damit Ihr Antrag bearbeitet werden kann.',
  ),
  payAt: (paymentUrl: string) =>
    status(
      'ACTION_REQUIRED',
      'Für Ihren Antrag fällt eine Gebühr an.',
      `Bitte bezahlen Sie die Gebühr hier: ${paymentUrl}`,
    ),
  refunded: status('REJECTED', 'Die Gebühr für Ihren Antrag wurde Ihnen erstattet.'),
  paid: status(
    'SUBMITTED',
    'Ihre Zahlung ist eingegangen. Ihr Antrag wird an die zuständige Stelle weitergeleitet.',
  ),
  delivered: status('RECEIVED', 'Ihr Antrag wurde der zuständigen Behörde zugestellt.'),
  paymentFailed: status(
    'CANCELLED',
    'Die Gebühr wurde nicht bezahlt. Ihr Antrag wurde deshalb nicht weitergeleitet.',
  ),
  paymentExpired: status(
    'CANCELLED',
    'Die Gebühr wurde nicht innerhalb von 7 Tagen bezahlt. Ihr Antrag wurde deshalb storniert.',
  ),
  // Shown only once a delivery has waited past the transport-report deadline: the connector keeps
  // the application and delivers it by itself when the authority answers again (ADR outage handling).
  authorityUnreachable: status(
    'SUBMITTED',
    'Die zuständige Behörde ist vorübergehend nicht erreichbar. Ihr Antrag wird automatisch zugestellt, sobald sie wieder erreichbar ist.',
  ),
  deliveryFailed: status(
    'DELIVERY_FAILED',
    'Ihr Antrag konnte nicht zugestellt werden; die Stadt kümmert sich darum.',
  ),
  unroutable: (reason: string) =>
    status('REJECTED', `Ihr Antrag kann nicht bearbeitet werden: ${reason}`),
} as const;

/**
 * The citizen's status for a status code the procedure's connector reported, read by the
 * procedure kind's table in the catalogue; `procedureText` is the procedure's own wording.
 */
export function citizenStatusForProcedure(
  procedure: Pick<ProcedureKind, 'authorityLabel' | 'citizenStates'>,
  code: string,
  procedureText: string,
): CitizenStatus {
  const state = procedure.citizenStates[code] ?? 'PROCESSING';
  const actionText =
    state === 'ACTION_REQUIRED'
      ? `Bitte beachten Sie die Nachricht der ${procedure.authorityLabel} in Ihrem Postfach und reichen Sie das Verlangte ein.`
      : null;
  return status(state, `${procedure.authorityLabel}: ${procedureText}`, actionText);
}

/**
 * The result of the drinking-water examination the citizen ordered, in plain German: the lab's
 * report completes the case. `exceeded` names each parameter above its limit (Trinkwasser-
 * verordnung), e.g. Blei; the health office then contacts the citizen itself.
 */
export function drinkingWaterResult(exceeded: readonly string[]): CitizenStatus {
  if (exceeded.length === 0)
    return status(
      'COMPLETED',
      'Ihre Wasserprobe entspricht den Anforderungen der Trinkwasserverordnung.',
    );
  const names = [...new Set(exceeded)];
  const listed =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} und ${names.at(-1)}`;
  return status(
    'COMPLETED',
    `${names.length === 1 ? 'Grenzwert' : 'Grenzwerte'} für ${listed} überschritten; das Gesundheitsamt meldet sich bei Ihnen.`,
  );
}

/** The subject line of a status message in the citizen's postbox. */
export function postboxTitle(actionRequired: boolean): string {
  return actionRequired ? 'Bitte handeln Sie: Ihr Antrag' : 'Neuer Stand Ihres Antrags';
}

/** What the citizen reads in the postbox beside a document the authority issued. */
export interface DocumentNotice {
  readonly title: string;
  readonly text: string;
}

/** The subject line and text of the postbox message that brings a document, by its kind. */
export const documentNotices: Readonly<Record<DocumentKind, DocumentNotice>> = {
  PERMIT_NOTICE: {
    title: 'Ihr Bescheid: Ihr Antrag wurde genehmigt',
    text: 'Die zuständige Behörde hat Ihren Antrag genehmigt. Den Bescheid finden Sie im Anhang dieser Nachricht.',
  },
  REFUSAL_NOTICE: {
    title: 'Ihr Bescheid zu Ihrem Antrag',
    text: 'Die zuständige Behörde hat Ihren Antrag abgelehnt. Den Bescheid mit der Begründung und der Rechtsbehelfsbelehrung finden Sie im Anhang dieser Nachricht.',
  },
  OTHER: {
    title: 'Ein Dokument zu Ihrem Antrag',
    text: 'Die zuständige Behörde hat Ihnen ein Dokument zu Ihrem Antrag geschickt. Sie finden es im Anhang dieser Nachricht.',
  },
};
