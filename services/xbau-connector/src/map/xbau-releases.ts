/** What differs between the XBau releases the mapping can produce. */
export interface XbauRelease {
  readonly namespace: string;
  readonly version: string;
  /** listVersionID of urn:xoev-de:xbau:codeliste:xbau-nachrichten fixed by the release. */
  readonly messageCodeListVersion: string;
  /**
   * How an attachment by reference is written: 2.5 has anhangOderVerlinkung/uriVerlinkung,
   * 2.6 wraps it as anhangOderVerlinkung/verlinkung/{uriVerlinkung, dateiname}.
   */
  readonly attachmentLink: 'uriVerlinkung' | 'verlinkung';
}

export const xbauReleases = {
  '2.5': {
    namespace: 'http://www.xleitstelle.de/xbau/2/5',
    version: '2.5',
    messageCodeListVersion: '3.1',
    attachmentLink: 'uriVerlinkung',
  },
  '2.6': {
    namespace: 'http://www.xleitstelle.de/xbau/2/6',
    version: '2.6',
    messageCodeListVersion: '4.0',
    attachmentLink: 'verlinkung',
  },
} as const satisfies Record<string, XbauRelease>;

/** Code-list versions the mapping uses; each has a pinned copy in contracts/xoev/xbau/codelists. */
export const codeLists = {
  bundesland: {
    uri: 'urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:bundesland',
    version: '2010-04-01',
  },
  ags: { uri: 'urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:ags', version: '2026-06-30' },
  anlagen: { uri: 'urn:xoev-de:xbau:codeliste:anlagen', version: '3.0' },
  mimeTypes: { uri: 'urn:xoev-de:xbau:codeliste:textofficemimetypes', version: '1.0' },
  verzeichnisdienst: { uri: 'urn:xoev-de:kosit:codeliste:verzeichnisdienst', version: '2' },
} as const;
