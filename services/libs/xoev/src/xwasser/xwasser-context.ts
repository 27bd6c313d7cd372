/** A party of an XWasser exchange as the DVDV names it (`kennung`, `name`). */
export interface XwasserParty {
  /** DVDV id, e.g. `gesundheitsamt:05315000` or `labor:DE-TW-0042`. */
  readonly id: string;
  readonly name: string;
}

/** What every XWasser message needs besides its content: ids, clock, author, reader, product. */
export interface XwasserContext {
  readonly nachrichtenUUID: string;
  readonly createdAt: Date;
  readonly author: XwasserParty;
  readonly reader: XwasserParty;
  /** The message this one answers (nachrichtenkopf.g2g/referenzUUID). */
  readonly referenzUUID?: string;
  readonly product: { readonly name: string; readonly vendor: string; readonly version: string };
}
