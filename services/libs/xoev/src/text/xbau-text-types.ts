import { join } from 'node:path';
import { xoevContractsRoot } from '../validate/schema-sets.js';
import { readXsdStringType, type XsdStringType } from './xsd-string-type.js';

/** The XBau releases whose 0200 the hub builds. */
export type XbauTextVersion = '2.5' | '2.6';

/** Named string types that elements of the 0200 declare; XML-only built-ins need no facets. */
export type XbauNamedTextType =
  'din91379:datatypeC' | 'din91379:datatypeD' | 'xbauk:Dateiname' | 'xbau:Codelist.BaumassnahmeArt';
export type XbauTextType = XbauNamedTextType | 'xs:token' | 'xs:anyURI' | 'xs:string';

/** Where each named type is declared in a release's XSD folder (contracts/xoev/xbau/<v>/xsd/). */
const declarations: Readonly<
  Record<XbauTextVersion, Partial<Record<XbauNamedTextType, { file: string; type: string }>>>
> = {
  '2.5': {
    'din91379:datatypeC': { file: 'din-norm-91379-datatypes.xsd', type: 'datatypeC' },
    'din91379:datatypeD': { file: 'din-norm-91379-datatypes.xsd', type: 'datatypeD' },
    'xbau:Codelist.BaumassnahmeArt': { file: 'xbau-codes.xsd', type: 'Codelist.BaumassnahmeArt' },
  },
  '2.6': {
    'din91379:datatypeC': { file: 'din-norm-91379-datatypes.xsd', type: 'datatypeC' },
    'din91379:datatypeD': { file: 'din-norm-91379-datatypes.xsd', type: 'datatypeD' },
    'xbauk:Dateiname': { file: 'xbau-kernmodul-basisdatentypen.xsd', type: 'Dateiname' },
    'xbau:Codelist.BaumassnahmeArt': { file: 'xbau-codes.xsd', type: 'Codelist.BaumassnahmeArt' },
  },
};

/** The string types of both releases by `<version> <type>`, read from the pinned official XSDs. */
export type XbauTextTypes = ReadonlyMap<string, XsdStringType>;

/** Reads every named type once (a few milliseconds); call at start-up. */
export function loadXbauTextTypes(contractsRoot: string = xoevContractsRoot): XbauTextTypes {
  const types = new Map<string, XsdStringType>();
  for (const [version, named] of Object.entries(declarations) as [
    XbauTextVersion,
    (typeof declarations)[XbauTextVersion],
  ][]) {
    for (const [name, { file, type }] of Object.entries(named) as [
      XbauNamedTextType,
      { file: string; type: string },
    ][]) {
      const path = join(contractsRoot, 'xbau', version, 'xsd', file);
      types.set(`${version} ${name}`, readXsdStringType(path, type, name));
    }
  }
  return types;
}
