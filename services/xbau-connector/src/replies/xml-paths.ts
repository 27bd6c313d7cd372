import type { XmlObject } from '@hub/xoev';

/** The first child element `name` of a parsed XÖV node (xml2js object form, prefixes stripped). */
export function child(node: XmlObject | undefined, name: string): XmlObject | undefined {
  const [first] = (node?.[name] as unknown[] | undefined) ?? [];
  return typeof first === 'object' && first !== null ? (first as XmlObject) : undefined;
}

/** Every child element `name`, in document order. */
export function children(node: XmlObject | undefined, name: string): XmlObject[] {
  const all = (node?.[name] as unknown[] | undefined) ?? [];
  return all.filter((item): item is XmlObject => typeof item === 'object' && item !== null);
}

/** The trimmed text of the first child element `name`, or undefined when empty. */
export function text(node: XmlObject | undefined, name: string): string | undefined {
  const [first] = (node?.[name] as unknown[] | undefined) ?? [];
  const value = typeof first === 'string' ? first : (first as XmlObject | undefined)?._;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function attribute(node: XmlObject | undefined, name: string): string | undefined {
  return (node?.$ as Record<string, string> | undefined)?.[name];
}
