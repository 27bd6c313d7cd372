import type { XmlObject, XtaRouting } from '@hub/xoev';

/** The first element of an xml2js child array. */
export function first(value: unknown): XmlObject | undefined {
  return Array.isArray(value) ? (value[0] as XmlObject | undefined) : undefined;
}

export function attribute(node: XmlObject | undefined, name: string): string | undefined {
  return (node?.$ as Record<string, string> | undefined)?.[name];
}

/** Text of the first element `name`, searched depth-first, optionally below `within`. */
export function text(node: unknown, name: string, within?: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = text(item, name, within);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, value] of Object.entries(node as XmlObject)) {
    if (key === '$') continue;
    if (key === name && within === undefined) {
      const [item] = value as unknown[];
      if (typeof item === 'string') return item.trim();
      const inner = (item as XmlObject | undefined)?._;
      if (typeof inner === 'string') return inner.trim();
    }
    const found = text(value, name, key === within ? undefined : within);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Every text of the elements `name` directly below `node`. */
export function texts(node: XmlObject | undefined, name: string): string[] {
  const items = (node?.[name] ?? []) as unknown[];
  return items
    .map((item) => (typeof item === 'string' ? item : (item as XmlObject)._))
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.trim());
}

/**
 * The routing of a sendMessage, from its oscimeta:MessageMetaData header:
 *   Originators/Author/Identifier, Destinations/Reader/Identifier, Qualifier/{Service,
 *   BusinessScenario/Defined/code, MessageType/code @payloadSchema}
 */
export function routingOf(header: XmlObject | undefined): XtaRouting {
  const metaData = first(header?.MessageMetaData);
  const qualifier = first(metaData?.Qualifier);
  const messageType = first(qualifier?.MessageType);
  return {
    author: text(metaData, 'Identifier', 'Author') ?? '',
    reader: text(metaData, 'Identifier', 'Reader') ?? '',
    service: text(qualifier, 'Service') ?? '',
    businessScenario: text(qualifier, 'code', 'BusinessScenario') ?? '',
    messageType: {
      code: text(messageType, 'code') ?? '',
      payloadSchema: attribute(messageType, 'payloadSchema') ?? '',
    },
  };
}
