import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configTable, loadConfig } from '@hub/kit';
import { exampleConnectorConfigSchema } from './config.js';

describe('the example-connector configuration', () => {
  it('is documented in the README as the schema says', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(configTable(exampleConnectorConfigSchema));
  });

  it('refuses to start on a bad variable, naming it', () => {
    expect(() => loadConfig(exampleConnectorConfigSchema, { OUTBOUND_URL: 'not a url' })).toThrow(
      /OUTBOUND_URL/,
    );
  });
});
