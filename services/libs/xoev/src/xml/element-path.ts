import type { XmlElement } from 'libxml2-wasm';

/** `/xbau:root/child/grandchild` of an element (names as written), so a reason says where. */
export function elementPath(element: XmlElement): string {
  const names: string[] = [];
  for (let at: XmlElement | null = element; at; at = at.parent)
    names.unshift(at.prefix ? `${at.prefix}:${at.name}` : at.name);
  return `/${names.join('/')}`;
}
