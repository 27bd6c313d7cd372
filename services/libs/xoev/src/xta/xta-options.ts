import { fileURLToPath } from 'node:url';

/** The official XTA 2 v2.1.1 WSDL pinned in contracts/xoev/xta/. */
export const xtaWsdlPath = fileURLToPath(
  import.meta.resolve('@hub/contracts/xoev/xta/2.1.1/XTA.wsdl'),
);

/** How the client proves who it is: WS-Security UsernameToken or a TLS client certificate. */
export type XtaSecurity =
  | { readonly kind: 'none' }
  | { readonly kind: 'username-token'; readonly username: string; readonly password: string }
  | {
      readonly kind: 'tls-client-certificate';
      readonly keyPem: string;
      readonly certificatePem: string;
      readonly caPem?: string;
    };

export interface XtaClientOptions {
  /** Endpoint of the XTA server; all three ports (send, message box, management) use it. */
  readonly endpoint: string;
  readonly security: XtaSecurity;
  /** Deadline of one SOAP call, in milliseconds. */
  readonly timeoutMs: number;
}

/** Routing of one XÖV message (the MessageMetaData SOAP header). */
export interface XtaRouting {
  /** DVDV id of the author, e.g. `bpt:05913000`. */
  readonly author: string;
  /** DVDV id of the reader, e.g. `bab:05913000`. */
  readonly reader: string;
  /** Service URI of the XÖV standard, e.g. `urn:xoev-de:bmk:standard:xbau`. */
  readonly service: string;
  /** XÖV message type code, e.g. `0200`, with the namespace of its schema. */
  readonly messageType: { readonly code: string; readonly payloadSchema: string };
  /** Business scenario code, e.g. `XBAU_BAUGENEHMIGUNG`. */
  readonly businessScenario: string;
}
