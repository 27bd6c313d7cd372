import type { FieldError } from '../http/problem.js';
import type { SubmitApplicationRequest } from '../http/submit-application.request.js';

/** Parses `scheme://host` origins as the configuration lists them (comma-separated). */
export function attachmentOrigins(list: string): ReadonlySet<string> {
  return new Set(
    list
      .split(',')
      .map((origin) => origin.trim().toLowerCase().replace(/\/+$/, ''))
      .filter((origin) => origin !== ''),
  );
}

/** `scheme://host[:port]` of a URI, or undefined if it has none or carries credentials. */
function originOf(uri: string): string | undefined {
  if (!URL.canParse(uri)) return undefined;
  const url = new URL(uri);
  if (url.username !== '' || url.password !== '' || url.host === '') return undefined;
  return `${url.protocol}//${url.host}`.toLowerCase();
}

/**
 * Attachments are fetched by the authority from `storageUri`: only from the document stores the
 * operator configured, never a local file, a metadata endpoint or another internal host. File
 * names become names on the authority's disk: no path, no `..`, no hidden file.
 */
export function attachmentRefusals(
  application: SubmitApplicationRequest,
  allowedOrigins: ReadonlySet<string>,
): FieldError[] {
  return application.attachments.flatMap((attachment, index): FieldError[] => {
    const refusals: FieldError[] = [];
    const origin = originOf(attachment.storageUri);
    if (origin === undefined || !allowedOrigins.has(origin)) {
      refusals.push({
        path: `/attachments/${index}/storageUri`,
        reason: `must point into a configured document store (${[...allowedOrigins].join(', ')})`,
        reasonDe: `muss auf einen eingerichteten Dokumentenspeicher zeigen (${[...allowedOrigins].join(', ')})`,
      });
    }
    if (/[/\\]|\.\.|^\./.test(attachment.fileName)) {
      refusals.push({
        path: `/attachments/${index}/fileName`,
        reason: 'must be a plain file name (no path separator, no "..", not starting with ".")',
        reasonDe:
          'muss ein einfacher Dateiname sein (kein Pfadtrenner, kein "..", kein "." am Anfang)',
      });
    }
    return refusals;
  });
}
