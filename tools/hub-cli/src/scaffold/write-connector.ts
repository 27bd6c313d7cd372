import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { format, getFileInfo, resolveConfig } from 'prettier';
import { HubError } from '@hub/errors';
import { configTable, type EnvSchema } from '@hub/kit';
import { repoRoot } from '@hub/platform';
import { withConsumer } from './add-consumer.js';
import { placeholders } from './connector-names.js';
import { renderConnector, type RenderedFile } from './render-connector.js';

export interface NewConnector {
  readonly name: string;
  readonly topic: { readonly name: string; readonly valueSchema: string };
  /** Where the repository is (a temporary copy in the generator's own test). */
  readonly root?: string;
}

export const configTableMarker = '<!-- config-table: generated from src/config.ts -->';
const kitPackage = 'services/libs/kit/package.json';
const runtime = ['@nestjs/common', '@nestjs/microservices', 'pg', 'zod'];

/** The generated package's dependencies, at the versions the kit pins (one place decides). */
function dependencies(root: string): { __dependencies__: string; __devDependencies__: string } {
  const kit = JSON.parse(readFileSync(join(root, kitPackage), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };
  const pinned = Object.fromEntries(runtime.map((name) => [name, kit.dependencies[name] ?? '']));
  const own = { '@hub/contracts': kit.version, '@hub/kit': kit.version, ...pinned };
  const dev = { '@hub/test-support': kit.version };
  return { __dependencies__: JSON.stringify(own), __devDependencies__: JSON.stringify(dev) };
}

/** As prettier writes it, so the new files pass the format check; SQL it leaves alone. */
async function formatted(path: string, text: string): Promise<string> {
  if ((await getFileInfo(path)).inferredParser === null) return text;
  const options = await resolveConfig(path);
  return format(text, { ...options, filepath: path });
}

/**
 * The connector's files as the generator writes them, formatted; the README's configuration
 * table is still to come below its marker: only the written config schema can fill it.
 */
export async function connectorFiles(request: NewConnector): Promise<RenderedFile[]> {
  const root = request.root ?? repoRoot;
  const folder = join(root, 'services', request.name);
  const values = { ...placeholders(request.name, request.topic), ...dependencies(root) };
  return Promise.all(
    renderConnector(values).map(async (file) => ({
      path: file.path,
      text: await formatted(join(folder, file.path), file.text),
    })),
  );
}

/**
 * Writes `services/<name>/` from the templates, lists its handler among the topic's consumers in
 * the catalogue, and refreshes what is derived from both (the README's configuration table, the
 * catalogue's topic table). Returns the files it wrote.
 */
export async function writeConnector(request: NewConnector): Promise<string[]> {
  const root = request.root ?? repoRoot;
  const folder = join(root, 'services', request.name);
  if (existsSync(folder))
    throw new HubError('SCAFFOLD_EXISTS', `services/${request.name} exists already`, {
      retryable: false,
    });
  const names = placeholders(request.name, request.topic);
  const files = (await connectorFiles(request)).map((file) => ({
    ...file,
    path: join(folder, file.path),
  }));
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.text);
  }
  const config = (await import(pathToFileURL(join(folder, 'src/config.ts')).href)) as Record<
    string,
    EnvSchema
  >;
  const schema = config[`${names.__camel__ ?? ''}ConfigSchema`];
  const readme = join(folder, 'README.md');
  if (schema)
    writeFileSync(
      readme,
      readFileSync(readme, 'utf8').replace(
        configTableMarker,
        `${configTableMarker}\n\n<!-- prettier-ignore -->\n${configTable(schema)}`,
      ),
    );

  const catalogue = join(root, 'contracts/src/topics.ts');
  const group = `${request.name}.${names.__handler__ ?? ''}`;
  const edited = withConsumer(readFileSync(catalogue, 'utf8'), request.topic.name, group);
  writeFileSync(catalogue, await formatted(catalogue, edited));
  // Fresh processes read the edited catalogue (this one has it loaded already): the topic table,
  // then the alert rules and dashboard derived from the catalogue's groups.
  const run = promisify(execFile);
  await run(
    process.execPath,
    ['--import', 'tsx', 'tools/hub-cli/src/main.ts', 'contracts', 'generate'],
    {
      cwd: root,
    },
  );
  await run(
    process.execPath,
    ['--import', 'tsx', 'tools/observability-config/src/main.ts', 'generate'],
    {
      cwd: root,
    },
  );
  return [
    ...files.map((file) => file.path),
    catalogue,
    join(root, 'contracts/README.md'),
    join(root, 'deploy/prometheus'),
    join(root, 'deploy/grafana'),
  ];
}
