import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseXml, xoevContractsRoot, type XmlObject } from '@hub/xoev';
import type { StatusTexts } from './to-status-reported.js';

const listFile = /^urn_xoev-de_xbau_codeliste_statusbauportal_(.+)\.xml$/;

/**
 * The wording of every pinned version of code list urn:xoev-de:xbau:codeliste:statusbauportal
 * (genericode, read once at start): version → code → beschreibung.
 */
export async function loadStatusTexts(
  directory = join(xoevContractsRoot, 'xbau', 'codelists'),
): Promise<StatusTexts> {
  const texts = new Map<string, ReadonlyMap<string, string>>();
  for (const file of readdirSync(directory)) {
    const version = listFile.exec(file)?.[1];
    if (version === undefined) continue;
    const { root } = await parseXml(readFileSync(join(directory, file), 'utf8'));
    texts.set(version, codesOf(root));
  }
  return texts;
}

function codesOf(list: XmlObject): ReadonlyMap<string, string> {
  const rows = (first(list, 'SimpleCodeList')?.Row ?? []) as XmlObject[];
  const codes = new Map<string, string>();
  for (const row of rows) {
    const values = new Map(
      ((row.Value ?? []) as XmlObject[]).map((value) => [
        (value.$ as Record<string, string> | undefined)?.ColumnRef ?? '',
        (value.SimpleValue as string[] | undefined)?.[0]?.trim() ?? '',
      ]),
    );
    const code = values.get('code');
    const wording = values.get('beschreibung');
    if (code && wording) codes.set(code, wording);
  }
  return codes;
}

function first(node: XmlObject, name: string): XmlObject | undefined {
  return (node[name] as XmlObject[] | undefined)?.[0];
}
