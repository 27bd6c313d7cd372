import type { XmlObject } from '../xml/parse-xml.js';

export interface TransportReport {
  readonly messageId: string;
  /** 0 open, 1 green (delivered), 2 yellow (delivered with warnings), 3 red (failed). */
  readonly status: number;
}

/** Depth-first search for the first element with this local name (xml2js object form). */
export function findElement(node: unknown, name: string): XmlObject | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findElement(item, name);
      if (found) return found;
    }
    return undefined;
  }
  const object = node as XmlObject;
  const direct = object[name];
  if (Array.isArray(direct) && direct.length > 0) {
    const [first] = direct as unknown[];
    return typeof first === 'object' && first !== null ? (first as XmlObject) : { _: first };
  }
  for (const [key, value] of Object.entries(object)) {
    if (key === '$') continue;
    const found = findElement(value, name);
    if (found) return found;
  }
  return undefined;
}

/** Text content of the first element with this local name, trimmed. */
export function firstText(node: unknown, name: string): string | undefined {
  const element = findElement(node, name);
  const text = element?._;
  return typeof text === 'string' ? text.trim() : undefined;
}
