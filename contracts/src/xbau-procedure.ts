/**
 * The XBau procedure (building permits): its connector, what it speaks, and what the status codes
 * it reports mean for the citizen. Data the case router reads; the router itself knows no XBau.
 */
export const xbauProcedure = {
  kind: 'xbau',
  standards: ['XBAU'],
  deliveryTopic: 'procedure.delivery-requested.v1',
  authorityLabel: 'Bauaufsicht',
  /*
   * XBau status for the portal (message prozessnachrichten.statusFuerAntragsportal.1170), code
   * list urn:xoev-de:xbau:codeliste:statusbauportal, and the connector's codes for the other
   * process messages: 1120 receipt (Eingangsbestätigung), 1180 generic receipt, 1121 case number.
   */
  citizenStates: {
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
    RECEIPT: 'RECEIVED',
    GENERIC_RECEIPT: 'RECEIVED',
    CASE_NUMBER: 'PROCESSING',
  },
} as const;
