import xml2js from 'xml2js';
import type { Response } from 'express';
import { Open311Error } from './open311-error.js';

export type Format = 'json' | 'xml';

/** `requests/{id}.json` → { name: id, format: json }; anything else is a 404 in Open311's shape. */
export function splitFormat(file: string): { name: string; format: Format } {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  if (!match?.[1] || (match[2] !== 'json' && match[2] !== 'xml'))
    throw new Open311Error(404, ['the resource ends in .json or .xml']);
  return { name: match[1], format: match[2] };
}

/**
 * GeoReport v2 XML: a root element (`services`, `service_requests`, `errors`) around one element
 * per item; nulls become empty elements, as in the specification's examples.
 */
export function toXml(root: string, item: string, rows: readonly object[]): string {
  const builder = new xml2js.Builder({
    rootName: root,
    xmldec: { version: '1.0', encoding: 'utf-8' },
  });
  return builder.buildObject({ [item]: rows.map(withoutNulls) });
}

function withoutNulls(row: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      value === null || value === undefined ? '' : Array.isArray(value) ? value.join(',') : value,
    ]),
  );
}

export function reply(
  response: Response,
  format: Format,
  xml: { root: string; item: string },
  rows: readonly object[],
  status = 200,
): void {
  if (format === 'xml')
    response
      .status(status)
      .type('application/xml')
      .send(toXml(xml.root, xml.item, rows));
  else response.status(status).json(rows);
}
