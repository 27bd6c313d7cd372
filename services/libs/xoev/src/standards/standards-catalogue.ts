import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { xoevError } from '../xoev-error.js';
import { standardEntry, type MessageDirection, type StandardEntry } from './standard-entry.js';

/** One schema set as the validator uses it; paths relative to the contracts root. */
export interface SchemaSet {
  readonly name: string;
  /** The standard and release it belongs to, e.g. `XBau 2.6`. */
  readonly standard: string;
  readonly namespace: string;
  readonly version: string;
  readonly rootPattern?: RegExp;
  readonly entryXsd: string;
  readonly catalog?: string;
  readonly schematron: readonly string[];
  /** Folder of the pinned code lists, if the standard pins any. */
  readonly codeLists?: string;
  readonly messages: readonly { readonly type: string; readonly direction: MessageDirection }[];
}

export const standardFileName = 'standard.json';

/** Every `<standard>/<version>/standard.json` below `contractsRoot`, checked against its schema. */
export function loadSchemaSets(contractsRoot: string): SchemaSet[] {
  return standardFolders(contractsRoot).flatMap((folder) =>
    schemaSetsOf(folder, readEntry(join(contractsRoot, folder, standardFileName))),
  );
}

function standardFolders(contractsRoot: string): string[] {
  const subfolders = (path: string) =>
    readdirSync(join(contractsRoot, path), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => posix.join(path, entry.name));
  return subfolders('')
    .flatMap(subfolders)
    .filter((folder) => existsSync(join(contractsRoot, folder, standardFileName)))
    .sort();
}

function readEntry(file: string): StandardEntry {
  const parsed = standardEntry.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw xoevError(
      'XOEV_CATALOGUE_INVALID',
      `${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
}

function schemaSetsOf(folder: string, entry: StandardEntry): SchemaSet[] {
  const inFolder = (path: string) => posix.normalize(posix.join(folder, path));
  return entry.schemaSets.map((set) => ({
    name: set.name,
    standard: `${entry.standard} ${entry.version}`,
    namespace: set.namespace,
    version: set.version,
    ...(set.rootPattern === undefined ? {} : { rootPattern: new RegExp(set.rootPattern) }),
    entryXsd: inFolder(set.entryXsd),
    ...(set.catalog === undefined ? {} : { catalog: inFolder(set.catalog) }),
    schematron: set.schematron.map(inFolder),
    ...(entry.codeLists === undefined ? {} : { codeLists: inFolder(entry.codeLists) }),
    messages: entry.messages,
  }));
}
