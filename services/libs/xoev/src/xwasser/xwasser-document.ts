import { code, element, renderXml, type XmlNode } from '../xml/xml-node.js';
import type { XwasserContext, XwasserParty } from './xwasser-context.js';
import { xwasser, xwasserMessageCodes, type XwasserMessageName } from './xwasser-release.js';

/**
 * One XWasser message: the root `xwas:<name>` with the fixed attributes of Nachricht.G2GType
 * (@standard @version @produkt @produkthersteller @produktversion), the unqualified head, then
 * the qualified payload children in the order the XSD's sequence asks for.
 */
export function renderXwasser(
  name: XwasserMessageName,
  context: XwasserContext,
  payload: Record<string, XmlNode | XmlNode[] | string | undefined>,
): string {
  const root = element({
    $: {
      'xmlns:xwas': xwasser.namespace,
      produkt: context.product.name,
      produkthersteller: context.product.vendor,
      produktversion: context.product.version,
      standard: xwasser.standard,
      version: xwasser.version,
    },
    'nachrichtenkopf.g2g': messageHead(context, xwasserMessageCodes[name]),
    ...qualified(payload),
  });
  return renderXml(`xwas:${name}`, root);
}

/**
 * nachrichtenkopf.g2g (xwasser-basisnachricht.xsd, unqualified):
 *   identifikation.nachricht/{nachrichtenUUID, nachrichtentyp/code, erstellungszeitpunkt},
 *   leser, autor (bn-uq-g2g:BehoerdeType), referenzUUID
 */
function messageHead(context: XwasserContext, messageCode: string): XmlNode {
  return element({
    'identifikation.nachricht': element({
      nachrichtenUUID: context.nachrichtenUUID,
      nachrichtentyp: code(messageCode, xwasser.messageTypeList),
      erstellungszeitpunkt: context.createdAt.toISOString(),
    }),
    leser: dvdvParty(context.reader),
    autor: dvdvParty(context.author),
    referenzUUID: context.referenzUUID,
  });
}

/** bn-uq-g2g:BehoerdeType: verzeichnisdienst/code, kennung, name. */
export function dvdvParty(party: XwasserParty): XmlNode {
  return element({
    verzeichnisdienst: element({
      $: { listVersionID: xwasser.directoryList.version },
      code: 'DVDV',
    }),
    kennung: party.id,
    name: party.name,
  });
}

/**
 * An element of the XWasser namespace (elementFormDefault="qualified"): every child name gets
 * the `xwas:` prefix. Code types keep their `code`/`name` unqualified (form="unqualified"), which
 * is why `code()` children are built without this helper.
 */
export function qualified(
  children: Record<string, XmlNode | XmlNode[] | string | undefined>,
): XmlNode {
  return element(
    Object.fromEntries(
      Object.entries(children).map(([key, value]) =>
        key === '$' || key === '_' ? [key, value] : [`xwas:${key}`, value],
      ),
    ),
  );
}
