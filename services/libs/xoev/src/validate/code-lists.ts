import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XmlDocument, XmlElement } from 'libxml2-wasm';
import { elementPath } from '../xml/element-path.js';
import type { ValidationReason } from './validation-result.js';

/**
 * Code-list membership for codes whose list version is chosen by the sender (XÖV code types 3
 * and 4: `listURI` and `listVersionID` in the message). Codes with a version fixed in the XSD
 * are enumerations there, so the XSD already checks them. Lists are read from the pinned
 * genericode files (`contracts/xoev/xbau/codelists/`) on first use and kept. Lists of which no
 * version is pinned (e.g. the KoSIT Verzeichnisdienst list) are not checked; a pinned list in an
 * unknown version, or a code missing from its list, is a reason.
 */
export class CodeLists {
  private readonly codesByList = new Map<string, ReadonlySet<string> | undefined>();
  private readonly pinnedFiles: readonly string[];

  constructor(private readonly directory: string) {
    this.pinnedFiles = readdirSync(directory);
  }

  validate(document: XmlDocument): ValidationReason[] {
    const reasons: ValidationReason[] = [];
    for (const node of document.find('//*[@listURI and @listVersionID and code]')) {
      if (!(node instanceof XmlElement)) continue;
      const uri = node.attr('listURI')?.value ?? '';
      const version = node.attr('listVersionID')?.value ?? '';
      const code = node.get('code')?.content.trim() ?? '';
      if (!this.isPinned(uri)) continue;
      const codes = this.codesOf(uri, version);
      const where = { line: node.line, location: elementPath(node) };
      if (!codes) {
        reasons.push({
          source: 'codelist',
          message: `code list ${uri} is pinned in version ${this.pinnedVersions(uri).join(', ')}, the message uses version ${version}`,
          ...where,
        });
      } else if (!codes.has(code)) {
        reasons.push({
          source: 'codelist',
          message: `code '${code}' is not in ${uri} version ${version}`,
          ...where,
        });
      }
    }
    return reasons;
  }

  /** Reads every pinned list now (the AGS list alone is 2.8 MB), not on the first message. */
  preload(): void {
    for (const file of this.pinnedFiles)
      if (file.endsWith('.xml')) this.codesOfFile(file.slice(0, -'.xml'.length));
  }

  /** The codes of one list version, or undefined when no such list is pinned. */
  codesOf(uri: string, version: string): ReadonlySet<string> | undefined {
    return this.codesOfFile(fileNameOf(`${uri}_${version}`));
  }

  /** Cached by file name (`<uri>_<version>` with `:` as `_`). */
  private codesOfFile(name: string): ReadonlySet<string> | undefined {
    if (!this.codesByList.has(name)) this.codesByList.set(name, this.load(name));
    return this.codesByList.get(name);
  }

  private isPinned(uri: string): boolean {
    return this.pinnedVersions(uri).length > 0;
  }

  /** The versions of a list held in the folder (file `<uri>_<version>.xml`). */
  private pinnedVersions(uri: string): string[] {
    const prefix = `${fileNameOf(uri)}_`;
    return this.pinnedFiles
      .filter((file) => file.startsWith(prefix) && file.endsWith('.xml'))
      .map((file) => file.slice(prefix.length, -'.xml'.length))
      .filter((version) => !version.includes('_'));
  }

  private load(name: string): ReadonlySet<string> | undefined {
    const file = join(this.directory, `${name}.xml`);
    if (!existsSync(file)) return undefined;
    const list = XmlDocument.fromBuffer(readFileSync(file));
    try {
      const keyColumn = list.get('//ColumnSet/Key/ColumnRef/@Ref')?.content ?? 'code';
      const values = list.find(`//Row/Value[@ColumnRef='${keyColumn}']/SimpleValue`);
      return new Set(values.map((value) => value.content.trim()));
    } finally {
      list.dispose();
    }
  }
}

/** The pinned copies replace `:` in the canonical version URI by `_` to get a file name. */
function fileNameOf(uri: string): string {
  return uri.replaceAll(':', '_');
}
