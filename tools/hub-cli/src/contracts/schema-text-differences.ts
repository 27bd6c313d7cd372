import { fullName, type SchemaSource } from '@hub/contracts';

type Node = Record<string, unknown>;

const isObject = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What a registered schema text lost, changed or added against its `.avsc` file, one line per
 * JSON path. Compared as written: every attribute of the file (docs, defaults, enum defaults,
 * logical types, custom ones) must be there with the same value. Where the file names a type of
 * another file and the registered text writes it out, that is compared with the other file.
 */
export function schemaTextDifferences(
  name: string,
  registeredText: string,
  sources: readonly SchemaSource[],
): string[] {
  const definitions = new Map<string, unknown>();
  for (const source of sources) collect(JSON.parse(source.text), undefined, definitions);
  const file = sources.find((source) => source.name === name);
  if (!file) return [`${name}: no such file`];
  const differences: string[] = [];
  compare(
    JSON.parse(file.text),
    JSON.parse(registeredText),
    name,
    undefined,
    definitions,
    differences,
  );
  return differences;
}

function compare(
  file: unknown,
  registered: unknown,
  path: string,
  namespace: string | undefined,
  definitions: ReadonlyMap<string, unknown>,
  differences: string[],
): void {
  if (typeof file === 'string' && isObject(registered)) {
    const definition = definitions.get(fullName(file, namespace));
    if (definition !== undefined) {
      compare(definition, registered, path, namespace, definitions, differences);
      return;
    }
  }
  if (Array.isArray(file) && Array.isArray(registered) && file.length === registered.length) {
    file.forEach((item, index) => {
      compare(item, registered[index], `${path}[${index}]`, namespace, definitions, differences);
    });
    return;
  }
  if (isObject(file) && isObject(registered)) {
    const inner =
      typeof file.name === 'string' && ['record', 'enum', 'fixed'].includes(String(file.type))
        ? namespaceOf(fullName(file.name, (file.namespace as string | undefined) ?? namespace))
        : namespace;
    for (const key of new Set([...Object.keys(file), ...Object.keys(registered)])) {
      const at = `${path}.${key}`;
      if (!(key in registered)) differences.push(`${at}: missing`);
      else if (!(key in file)) differences.push(`${at}: added`);
      else compare(file[key], registered[key], at, inner, definitions, differences);
    }
    return;
  }
  if (JSON.stringify(file) !== JSON.stringify(registered))
    differences.push(`${path}: ${JSON.stringify(file)} became ${JSON.stringify(registered)}`);
}

function namespaceOf(full: string): string | undefined {
  return full.includes('.') ? full.slice(0, full.lastIndexOf('.')) : undefined;
}

function collect(node: unknown, namespace: string | undefined, into: Map<string, unknown>): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, namespace, into);
    return;
  }
  if (!isObject(node)) return;
  let inner = namespace;
  if (typeof node.name === 'string' && ['record', 'enum', 'fixed'].includes(String(node.type))) {
    const full = fullName(node.name, (node.namespace as string | undefined) ?? namespace);
    into.set(full, node);
    inner = namespaceOf(full);
  }
  for (const value of Object.values(node)) collect(value, inner, into);
}
