/**
 * XWasser 1.0.0 as the hub speaks it: the namespace and fixed root attributes of every message
 * (xwasser-basisnachricht.xsd: `standard` fixed "XWasser", `version` fixed "1.0.0"), and the
 * message codes of urn:xoev-de:xwasser:codeliste:nachrichtentyp (version 1).
 */
export const xwasser = {
  namespace: 'https://gitlab.opencode.de/akdb/xoev/xwasser/-/raw/main/V1_0_0',
  standard: 'XWasser',
  version: '1.0.0',
  /** XTA Qualifier/Service of XWasser messages. */
  service: 'urn:xoev-de:lgl:standard:xwasser',
  businessScenario: 'XWASSER_TRINKWASSERUNTERSUCHUNG',
  messageTypeList: { uri: 'urn:xoev-de:xwasser:codeliste:nachrichtentyp', version: '1' },
  /** urn:xoev-de:kosit:codeliste:verzeichnisdienst, the list every DVDV party names. */
  directoryList: { uri: 'urn:xoev-de:kosit:codeliste:verzeichnisdienst', version: '2' },
} as const;

/** The XWasser messages the hub builds or reads, by root element name → nachrichtentyp code. */
export const xwasserMessageCodes = {
  'administration.rueckweisung.0010': '0010',
  'administration.quittung.0020': '0020',
  'vorgang.transportieren.2010': '2010',
  'vorgang.statusanfrage.2030': '2030',
  'vorgang.statusantwort.2040': '2040',
} as const;

export type XwasserMessageName = keyof typeof xwasserMessageCodes;
