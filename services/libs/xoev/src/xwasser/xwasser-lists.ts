/**
 * The XWasser code lists the hub's messages name. Versions marked fixed are fixed in the XSD
 * (the attribute may carry only that value); the others are chosen by the sender.
 */
export const xwasserLists = {
  samplingPointCategory: {
    uri: 'urn:xoev-de:xwasser:codeliste:kategorie-probennahmestelle',
    version: '3',
  },
  overallAssessment: { uri: 'urn:xoev-de:xwasser:codeliste:gesamtbewertung', version: '2' },
  sampleAssessment: { uri: 'urn:xoev-de:xwasser:codeliste:probenbewertung', version: '1' },
  valueAssessment: {
    uri: 'urn:xoev-de:xwasser:codeliste:bewertung-untersuchungswert',
    version: '1',
  },
  clientKind: { uri: 'urn:xoev-de:xwasser:codeliste:auftraggeberart', version: '1' },
  stateCode: { uri: 'urn:xoev-de:xwasser:codeliste:laenderkennzeichen', version: '1' },
  language: { uri: 'urn:xoev-de:xfahrtenschreiber:codeliste:sprache-eu', version: '2' },
  examinationCause: { uri: 'urn:xoev-de:xwasser:codeliste:untersuchung-anlass', version: '1' },
  samplingMethod: { uri: 'urn:xoev-de:xwasser:codeliste:probennahmeverfahren', version: '1' },
  analysisMethod: { uri: 'urn:xoev-de:xwasser:codeliste:untersuchungsverfahren', version: '1' },
  technicalStatus: { uri: 'urn:xoev-de:xewaffe:codeliste:statustechnisch', version: '1' },
  businessStatus: { uri: 'urn:xoev-de:xewaffe:codeliste:statusfachlich', version: '1' },
  rejectionReason: {
    uri: 'urn:xoev-de:xgewerbeordnung:codeliste:rueckweisungsgruende',
    version: '1',
  },
  parameterUri: 'urn:xoev-de:xwasser:codeliste:shapth-parameter',
  unitUri: 'urn:xoev-de:xwasser:codeliste:shapth-parameter-einheit',
} as const;
