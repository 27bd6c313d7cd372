import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fill, type Placeholders } from './connector-names.js';

export const connectorTemplates = fileURLToPath(
  new URL('../../templates/connector/', import.meta.url),
);

/** A file of the new connector: its path below `services/<name>/` and its text. */
export interface RenderedFile {
  readonly path: string;
  readonly text: string;
}

function templatesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? templatesIn(join(folder, entry.name))
      : entry.name.endsWith('.tmpl')
        ? [join(folder, entry.name)]
        : [],
  );
}

/** PURE but for reading the templates: every `*.tmpl` with its placeholders filled. */
export function renderConnector(values: Placeholders): RenderedFile[] {
  return templatesIn(connectorTemplates)
    .sort()
    .map((template) => ({
      path: fill(relative(connectorTemplates, template).slice(0, -'.tmpl'.length), values),
      text: fill(readFileSync(template, 'utf8'), values),
    }));
}
