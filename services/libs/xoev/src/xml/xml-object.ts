import type { XmlObject } from './parse-xml.js';

/** The child elements `name` of a parsed element (none when absent). */
export function xmlChildren(node: XmlObject | undefined, name: string): XmlObject[] {
  const value = node?.[name];
  return Array.isArray(value) ? (value as XmlObject[]) : [];
}

/** The first child element `name`. */
export function xmlChild(node: XmlObject | undefined, name: string): XmlObject | undefined {
  return xmlChildren(node, name)[0];
}

/** The trimmed text of the first child element `name`; empty when absent. */
export function xmlText(node: XmlObject | undefined, name: string): string {
  const value = node?.[name];
  const item = Array.isArray(value) ? (value[0] as unknown) : undefined;
  if (typeof item === 'string') return item.trim();
  const inner = (item as XmlObject | undefined)?._;
  return typeof inner === 'string' ? inner.trim() : '';
}

/** An attribute of a parsed element; empty when absent. */
export function xmlAttribute(node: XmlObject | undefined, name: string): string {
  return (node?.$ as Record<string, string> | undefined)?.[name] ?? '';
}
