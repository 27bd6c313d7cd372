/** What the generated Prometheus files are made of. */
export type YamlValue = string | number | boolean | readonly YamlValue[] | YamlMap;
export interface YamlMap {
  readonly [key: string]: YamlValue;
}

/**
 * Block-style YAML for plain data: strings double-quoted the JSON way (a YAML subset), so no value
 * is ever read back as another type. Enough for Prometheus configs; no dependency for it.
 */
export function toYaml(value: YamlMap): string {
  return `${block(value, 0).join('\n')}\n`;
}

function block(value: YamlValue, depth: number): string[] {
  const pad = '  '.repeat(depth);
  if (isInline(value)) return [`${pad}${inline(value)}`];
  if (isList(value)) {
    return value.flatMap((item) => {
      if (isInline(item)) return [`${pad}- ${inline(item)}`];
      const [first = '', ...rest] = block(item, depth + 1);
      return [`${pad}- ${first.trimStart()}`, ...rest];
    });
  }
  return Object.entries(value).flatMap(([key, item]) =>
    isInline(item)
      ? [`${pad}${yamlKey(key)}: ${inline(item)}`]
      : [`${pad}${yamlKey(key)}:`, ...block(item, depth + 1)],
  );
}

function isList(value: YamlValue): value is readonly YamlValue[] {
  return Array.isArray(value);
}

function isInline(value: YamlValue): value is string | number | boolean {
  if (typeof value !== 'object') return true;
  return isList(value) ? value.length === 0 : Object.keys(value).length === 0;
}

function inline(value: YamlValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object') return String(value);
  return isList(value) ? '[]' : '{}';
}

function yamlKey(key: string): string {
  return /^[A-Za-z_][\w.-]*$/.test(key) ? key : JSON.stringify(key);
}
