import { Builder } from 'xml2js';

/** An element for xml2js's Builder: attributes under `$`, text under `_`, children by name. */
export type XmlNode = { [name: string]: XmlNode | XmlNode[] | string | undefined };

/** Drops undefined children, so optional blocks simply do not appear. */
export function element(
  children: Record<string, XmlNode | XmlNode[] | string | undefined>,
): XmlNode {
  return Object.fromEntries(Object.entries(children).filter(([, value]) => value !== undefined));
}

/** An XÖV code element: `<code>` plus the list it comes from. */
export function code(value: string, list?: { uri: string; version: string }): XmlNode {
  return element({
    $: list === undefined ? undefined : { listURI: list.uri, listVersionID: list.version },
    code: value,
  });
}

const builder = new Builder({
  xmldec: { version: '1.0', encoding: 'UTF-8' },
  renderOpts: { pretty: true, indent: '  ', newline: '\n' },
});

/** An XÖV message as text: UTF-8 declaration, two-space indentation, one root element. */
export function renderXml(rootName: string, root: XmlNode): string {
  return builder.buildObject({ [rootName]: root });
}
