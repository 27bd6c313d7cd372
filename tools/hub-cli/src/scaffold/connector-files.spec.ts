import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topics } from '@hub/contracts';
import { repoRoot } from '@hub/platform';
import { placeholders } from './connector-names.js';
import { connectorFiles } from './write-connector.js';

const exampleFolder = join(repoRoot, 'services/example-connector');

function filesBelow(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.name === 'node_modules'
      ? []
      : entry.isDirectory()
        ? filesBelow(join(folder, entry.name))
        : [relative(exampleFolder, join(folder, entry.name))],
  );
}

/** The README as written, without the table generated from the config schema. */
const withoutConfigTable = (readme: string) =>
  readme.replace(/\n\n<!-- prettier-ignore -->\n\| variable \|[^]*?\n\n/, '\n\n');

describe('the connector generator', () => {
  it('made services/example-connector: the templates promise exactly its files', async () => {
    const files = await connectorFiles({
      name: 'example-connector',
      topic: topics.citizenStatusChanged,
    });

    expect(files.map((file) => file.path).sort()).toEqual(filesBelow(exampleFolder).sort());
    for (const file of files) {
      const written = readFileSync(join(exampleFolder, file.path), 'utf8');
      expect(file.path === 'README.md' ? withoutConfigTable(written) : written, file.path).toBe(
        file.text,
      );
    }
  });

  it('fills every placeholder, in paths and texts', async () => {
    const files = await connectorFiles({ name: 'demo-two', topic: topics.paymentSettled });

    for (const file of files.filter((each) => each.path !== 'README.md'))
      expect(`${file.path}\n${file.text}`, file.path).not.toMatch(/__[a-zA-Z]+__/);
    expect(files.map((file) => file.path)).toContain('src/payment-settled.handler.ts');
    expect(files.find((file) => file.path === 'src/payment-settled.handler.ts')?.text).toContain(
      "@KitEvent(topics.paymentSettled, { name: 'payment-settled' })",
    );
  });

  it('names the parts of a connector from its name and topic', () => {
    expect(placeholders('demo-two', topics.citizenStatusChanged)).toMatchObject({
      __Name__: 'DemoTwo',
      __camel__: 'demoTwo',
      __snake__: 'demo_two',
      __handler__: 'citizen-status-changed',
      __Handler__: 'CitizenStatusChanged',
      __topicKey__: 'citizenStatusChanged',
    });
    expect(() => placeholders('Demo_Two', topics.citizenStatusChanged)).toThrow(
      /Not a connector name/,
    );
  });
});
