import avro from 'avsc';
import { format, resolveConfig } from 'prettier';
import type { SchemaSet } from '@hub/contracts';
import { HubError } from '@hub/errors';

/** Where the generated files go, relative to `contracts/src`. */
export const generatedDirectory = 'generated';

// How each logical type of the contracts looks in TypeScript (see contracts/src/logical-types).
const logicalTsTypes: Readonly<Record<string, string>> = {
  decimal: 'string',
  'timestamp-millis': 'Date',
  date: 'string',
  uuid: 'string',
};

const primitiveTsTypes: Readonly<Record<string, string>> = {
  null: 'null',
  boolean: 'boolean',
  int: 'number',
  long: 'number',
  float: 'number',
  double: 'number',
  string: 'string',
  bytes: 'Buffer',
  fixed: 'Buffer',
};

/**
 * The TypeScript files for a schema set, by path below `contracts/src/generated`: one module per
 * `.avsc` file with an interface per record and a string union per enum, plus an index mapping
 * each schema name to its value type. Formatted like the rest of the code, so regenerating an
 * unchanged set gives identical bytes.
 */
export async function generateTypes(set: SchemaSet): Promise<Map<string, string>> {
  assertUniqueShortNames(set);
  const files = new Map<string, string>();
  for (const [sourceName, type] of set.types)
    files.set(`${sourceName}.ts`, moduleFor(sourceName, type, set));
  files.set('index.ts', indexModule(set));
  const formatted = new Map<string, string>();
  for (const [path, code] of files) {
    const options = await resolveConfig(`contracts/src/${generatedDirectory}/${path}`);
    formatted.set(path, await format(code, { ...options, parser: 'typescript' }));
  }
  return formatted;
}

function moduleFor(sourceName: string, root: avro.Type, set: SchemaSet): string {
  const declarations: string[] = [];
  const imports = new Map<string, Set<string>>();
  const render = (type: avro.Type): string => {
    if (type instanceof avro.types.LogicalType) {
      const logicalName = type.typeName.slice('logical:'.length);
      return logicalTsTypes[logicalName] ?? render(type.underlyingType);
    }
    if (type instanceof avro.types.RecordType || type instanceof avro.types.EnumType) {
      const fullName = type.name ?? '';
      const definingSource = set.definedIn.get(fullName);
      if (definingSource !== sourceName && definingSource !== undefined) {
        const names = imports.get(definingSource) ?? new Set<string>();
        imports.set(definingSource, names.add(shortName(fullName)));
      }
      return shortName(fullName);
    }
    if (type instanceof avro.types.ArrayType)
      return `readonly ${grouped(render(type.itemsType))}[]`;
    if (type instanceof avro.types.MapType)
      return `Readonly<Record<string, ${render(type.valuesType as avro.Type)}>>`;
    if (type instanceof avro.types.UnwrappedUnionType) return type.types.map(render).join(' | ');
    if (type instanceof avro.types.WrappedUnionType)
      throw codegenError(
        `${sourceName}: union ${JSON.stringify(type.schema())} is ambiguous (two branches of one JS type); avsc would wrap it, which the contracts do not allow.`,
      );
    const primitive = primitiveTsTypes[type.typeName];
    if (primitive === undefined)
      throw codegenError(`${sourceName}: no TypeScript for ${type.typeName}`);
    return primitive;
  };
  for (const named of namedTypesOf(root)) {
    if (set.definedIn.get(named.name ?? '') !== sourceName) continue;
    declarations.push(declaration(named, render, set));
  }
  const importLines = [...imports]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([source, names]) =>
        `import type { ${[...names].sort().join(', ')} } from '${relativeModule(sourceName, source)}';`,
    );
  return [header(`contracts/schemas/${sourceName}.avsc`), ...importLines, '', ...declarations].join(
    '\n',
  );
}

function declaration(
  named: avro.Type,
  render: (type: avro.Type) => string,
  set: SchemaSet,
): string {
  const name = shortName(named.name ?? '');
  if (named instanceof avro.types.EnumType)
    return `${jsDoc(named.doc)}export type ${name} = ${named.symbols.map((symbol) => `'${symbol}'`).join(' | ')};\n`;
  if (!(named instanceof avro.types.RecordType)) return '';
  const record = named;
  const personal = set.personalFields.get(record.name ?? '');
  const fields = record.fields.map(
    (field) =>
      `${jsDoc(docOf(field), personal?.has(field.name) ? ['@personalData'] : [])}readonly ${field.name}: ${render(field.type)};`,
  );
  return `${jsDoc(record.doc)}export interface ${name} {\n${fields.join('\n')}\n}\n`;
}

/** The named types reachable from `root`, in the order they appear in the schema. */
function namedTypesOf(root: avro.Type): avro.Type[] {
  const found = new Map<string, avro.Type>();
  const visit = (type: avro.Type): void => {
    if (type instanceof avro.types.LogicalType) return;
    if (type.name !== undefined) {
      if (found.has(type.name)) return;
      found.set(type.name, type);
    }
    if (type instanceof avro.types.RecordType) for (const field of type.fields) visit(field.type);
    else if (type instanceof avro.types.ArrayType) visit(type.itemsType);
    else if (type instanceof avro.types.MapType) visit(type.valuesType as avro.Type);
    else if (
      type instanceof avro.types.UnwrappedUnionType ||
      type instanceof avro.types.WrappedUnionType
    )
      for (const branch of type.types) visit(branch);
  };
  visit(root);
  return [...found.values()];
}

function indexModule(set: SchemaSet): string {
  const entries = [...set.types].map(([sourceName, type]) => ({
    sourceName,
    typeName: shortName(type.name ?? ''),
    key: camelCase(sourceName.split('/').at(-1) ?? sourceName),
  }));
  return [
    header('contracts/schemas/**/*.avsc'),
    ...entries.map(({ sourceName }) => `export type * from './${sourceName}.js';`),
    ...entries.map(
      ({ sourceName, typeName }) => `import type { ${typeName} } from './${sourceName}.js';`,
    ),
    '',
    '/** The TypeScript type of the values of each schema, by schema name. */',
    'export interface SchemaValues {',
    ...entries.map(({ sourceName, typeName }) => `'${sourceName}': ${typeName};`),
    '}',
    '',
    'export type SchemaName = keyof SchemaValues;',
    '',
    '/** Each schema by a short name, for `schemas.<name>`. */',
    'export const schemaNames = {',
    ...entries.map(({ sourceName, key }) => `${key}: '${sourceName}',`),
    '} as const;',
    '',
  ].join('\n');
}

function header(source: string): string {
  return `// Generated from ${source} by \`npm run hub -- contracts generate\`. Do not edit: change the schema and regenerate.\n`;
}

function jsDoc(doc: string | undefined, tags: readonly string[] = []): string {
  const lines = [...(doc === undefined ? [] : [doc]), ...tags];
  if (lines.length === 0) return '';
  return `/**\n${lines.map((line) => ` * ${line.replaceAll('*/', '*\\/')}`).join('\n')}\n */\n`;
}

function grouped(tsType: string): string {
  return tsType.includes(' ') ? `(${tsType})` : tsType;
}

function shortName(fullName: string): string {
  return fullName.split('.').at(-1) ?? fullName;
}

function camelCase(kebab: string): string {
  return kebab.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

function relativeModule(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return `${depth === 0 ? './' : '../'.repeat(depth)}${to}.js`;
}

function assertUniqueShortNames(set: SchemaSet): void {
  const byShortName = new Map<string, string>();
  for (const fullName of set.definedIn.keys()) {
    const other = byShortName.get(shortName(fullName));
    if (other !== undefined)
      throw codegenError(
        `${other} and ${fullName} share the name ${shortName(fullName)}; generated TypeScript needs distinct names.`,
      );
    byShortName.set(shortName(fullName), fullName);
  }
}

function codegenError(message: string): HubError {
  return new HubError('CONTRACTS_CODEGEN', message, { retryable: false });
}

// avsc keeps a field's doc but does not declare it in its typings.
function docOf(field: avro.types.Field): string | undefined {
  return (field as { doc?: string }).doc;
}
