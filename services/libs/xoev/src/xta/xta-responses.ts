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

/** osci:MsgBoxResponse, the header of every message-box answer (OSCI 2.02). */
export interface MsgBoxResponse {
  readonly msgBoxRequestId: string | undefined;
  /** Entries the server holds back for the next page (0 when it says NoMessageAvailable). */
  readonly itemsPending: number;
}

export function msgBoxResponse(response: XmlObject): MsgBoxResponse {
  const header = findElement(response, 'MsgBoxResponse');
  const attributes = header?.$ as Record<string, string> | undefined;
  const pending = Number(firstText(header, 'ItemsPending') ?? 0);
  return {
    msgBoxRequestId: attributes?.MsgBoxRequestID,
    itemsPending: Number.isFinite(pending) ? pending : 0,
  };
}

/** wsa:MessageID of every osci:MsgStatusList/osci:MsgAttributes entry. */
export function listedMessageIds(response: XmlObject): string[] {
  const list = findElement(response, 'MsgStatusList');
  const entries = (list?.MsgAttributes ?? []) as XmlObject[];
  return entries.map((entry) => firstText(entry, 'MessageID')).filter((id) => id !== undefined);
}

/** A document that travelled beside the XÖV message in its container (xta:Attachment). */
export interface XtaAttachment {
  /** The attachment's @id: how the XÖV message names it (e.g. `cid:<id>` in XBau `dokumentid`). */
  readonly id: string | undefined;
  readonly filename: string | undefined;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/** A fetched message: the XÖV message and the attachments of its ContentContainer. */
export interface XtaContainer {
  readonly xml: string;
  readonly attachments: readonly XtaAttachment[];
}

/** xta:ContentContainer/xta:Attachment (base64, @contentType, @filename, @id), in order. */
export function containerAttachments(response: XmlObject): XtaAttachment[] {
  const container = findElement(response, 'ContentContainer');
  const entries = (container?.Attachment ?? []) as unknown[];
  return entries.map((entry) => {
    const element = typeof entry === 'string' ? { _: entry } : (entry as XmlObject);
    const attributes = (element.$ ?? {}) as Record<string, string | undefined>;
    const base64 = typeof element._ === 'string' ? element._ : '';
    return {
      id: attributes.id,
      filename: attributes.filename,
      contentType: attributes.contentType ?? 'application/octet-stream',
      bytes: Buffer.from(base64.replace(/\s+/g, ''), 'base64'),
    };
  });
}
