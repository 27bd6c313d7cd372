import { fileURLToPath } from 'node:url';
import { loadSchemaSets, type SchemaSet } from '../standards/standards-catalogue.js';

// The pinned copies of the official schemas live in the contracts project (contracts/xoev/).
export const xoevContractsRoot = fileURLToPath(
  new URL('../../../../../contracts/xoev/', import.meta.url),
);

export type { SchemaSet } from '../standards/standards-catalogue.js';

/** Every schema set of the XÖV standards catalogue (`contracts/xoev/<standard>/<version>/standard.json`). */
export const schemaSets: readonly SchemaSet[] = loadSchemaSets(xoevContractsRoot);

/** The set a message belongs to, by its root element's namespace, `version` and name. */
export function findSchemaSet(
  namespace: string,
  version: string,
  rootName?: string,
  sets: readonly SchemaSet[] = schemaSets,
): SchemaSet | undefined {
  return sets.find(
    (set) =>
      set.namespace === namespace &&
      set.version === version &&
      (rootName === undefined || set.rootPattern === undefined || set.rootPattern.test(rootName)),
  );
}

/** Why no set matched, naming what was found and what the catalogue has for that namespace. */
export function unknownSchemaReason(
  found: { namespace: string; version: string; rootName: string },
  sets: readonly SchemaSet[] = schemaSets,
): string {
  const sameNamespace = sets.filter((set) => set.namespace === found.namespace);
  const what = `root ${found.rootName} in namespace '${found.namespace}' with version '${found.version}'`;
  if (sameNamespace.length === 0)
    return `no XÖV standard in the catalogue has the namespace of ${what}; known: ${[...new Set(sets.map((set) => set.standard))].join(', ')}`;
  const versions = sameNamespace.map((set) => set.version);
  if (!versions.includes(found.version))
    return `${what}: ${sameNamespace[0]?.standard.split(' ')[0] ?? 'the standard'} is in the catalogue only in version(s) ${versions.join(', ')}`;
  return `${what}: the root element is not a message of ${sameNamespace.map((set) => set.name).join(', ')}`;
}
