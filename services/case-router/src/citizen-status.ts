import type { CitizenState } from '@hub/contracts';

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

/*
 * XBau status for the portal (message prozessnachrichten.statusFuerAntragsportal.1170), code list
 * urn:xoev-de:xbau:codeliste:statusbauportal: each code's citizen-facing state. Codes not listed
 * mean the case is being worked on (PROCESSING).
 */
const xbauPortalStates: Record<string, CitizenStatus['state']> = {
  '14': 'RECEIVED', // Quittierung: Eingang Vorgang
  '03': 'ACTION_REQUIRED', // Anhörung zur Ablehnung ausstehend
  '13': 'ACTION_REQUIRED', // Prüfung bautechnischer Nachweise angefordert
  '17': 'ACTION_REQUIRED', // Unterlagen nachgefordert
  '51': 'ACTION_REQUIRED', // Bautechnische Nachweise geprüft - sind nicht ordnungsgemäß
  '52': 'ACTION_REQUIRED', // Bauüberwachung durchgeführt - Mängelbeseitigung angeordnet
  '53': 'ACTION_REQUIRED', // Bauüberwachung durchgeführt - Baueinstellung angeordnet
  '01': 'COMPLETED', // Alle beantragten Abweichungen zugelassen
  '07': 'COMPLETED', // Bauvorhaben genehmigungsfreigestellt
  '10': 'COMPLETED', // Bescheid erteilt
  '19': 'COMPLETED', // Vorbescheid erteilt
  '20': 'COMPLETED', // Vorgang abgeschlossen
  '58': 'COMPLETED', // Eintritt Genehmigungsfiktion
  '04': 'REJECTED', // Antrag abgelehnt
  '06': 'REJECTED', // Baugenehmigungsantrag abgelehnt
  '57': 'REJECTED', // Sofortige Ablehnung
  '12': 'CANCELLED', // Mitteilung der Rücknahmefiktion
  '15': 'CANCELLED', // Rücknahme des Vorgangs bestätigt
  '23': 'CANCELLED', // Vorgang zurückgezogen
};

const actionTexts: Partial<Record<CitizenStatus['state'], string>> = {
  ACTION_REQUIRED:
    'Bitte beachten Sie die Nachricht der Bauaufsicht in Ihrem Postfach und reichen Sie das Verlangte ein.',
};

/** The XBau connector's codes for process messages that prove the authority received the application. */
export const receiptCodes: ReadonlySet<string> = new Set([
  'RECEIPT',
  'GENERIC_RECEIPT',
  'CASE_NUMBER',
]);

/*
 * Process messages that are not a 1170 status, as the XBau connector reports them: 1120 receipt
 * (Eingangsbestätigung), 1180 generic receipt, 1121 case number (Aktenzeichen).
 */
const xbauProcessMessageStates: Record<string, CitizenStatus['state']> = {
  RECEIPT: 'RECEIVED',
  GENERIC_RECEIPT: 'RECEIVED',
  CASE_NUMBER: 'PROCESSING',
};

/** The citizen's status for an XBau 1170 code; `procedureText` is the code list's own wording. */
export function citizenStatusForXbau(code: string, procedureText: string): CitizenStatus {
  const state = xbauPortalStates[code] ?? xbauProcessMessageStates[code] ?? 'PROCESSING';
  return status(state, `Bauaufsicht: ${procedureText}`, actionTexts[state] ?? null);
}
