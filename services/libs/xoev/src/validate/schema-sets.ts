import { fileURLToPath } from 'node:url';

// The pinned copies of the official schemas live in the contracts project (contracts/xoev/).
export const xoevContractsRoot = fileURLToPath(
  new URL('./', import.meta.resolve('@hub/contracts/xoev/README.md')),
);

/** One official schema set, chosen by the root element's namespace and `version` attribute. */
export interface SchemaSet {
  readonly name: string;
  readonly namespace: string;
  readonly version: string;
  /** XSD that includes every message element of the set, relative to contracts/xoev/. */
  readonly entryXsd: string;
  /** Schematron files whose rules apply to the set, relative to contracts/xoev/. */
  readonly schematron: readonly string[];
}

const xbau26Schematron = [
  'xbau/2.6/schematron/xbau-schematron.sch',
  'xbau/2.6/schematron/xbau-schematron-leere-elemente.sch',
];

/**
 * XBau splits its messages over two namespaces: the Hochbau messages (e.g. 0200) and the
 * Kernmodul process messages (1120, 1121, 1170, 1180). Each release pins one version of both.
 * XBau 2.5 ships no Schematron.
 */
export const schemaSets: readonly SchemaSet[] = [
  {
    name: 'XBau 2.6',
    namespace: 'http://www.xleitstelle.de/xbau/2/6',
    version: '2.6',
    entryXsd: 'xbau/2.6/xsd/xbau-nachrichten-baugenehmigung.xsd',
    schematron: xbau26Schematron,
  },
  {
    name: 'XBau-Kernmodul 1.3.0 (XBau 2.6)',
    namespace: 'http://www.xleitstelle.de/xbau/kernmodul/1/3/0',
    version: '1.3.0',
    entryXsd: 'xbau/2.6/xsd/xbau-kernmodul-prozessnachrichten.xsd',
    schematron: xbau26Schematron,
  },
  {
    name: 'XBau 2.5',
    namespace: 'http://www.xleitstelle.de/xbau/2/5',
    version: '2.5',
    entryXsd: 'xbau/2.5/xsd/xbau-nachrichten-baugenehmigung.xsd',
    schematron: [],
  },
  {
    name: 'XBau-Kernmodul 1.2.2 (XBau 2.5)',
    namespace: 'http://www.xleitstelle.de/xbau/kernmodul/1/2/2',
    version: '1.2.2',
    entryXsd: 'xbau/2.5/xsd/xbau-kernmodul-prozessnachrichten.xsd',
    schematron: [],
  },
];

export function findSchemaSet(namespace: string, version: string): SchemaSet | undefined {
  return schemaSets.find((set) => set.namespace === namespace && set.version === version);
}
