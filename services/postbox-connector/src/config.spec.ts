import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configTable, loadConfig } from '@hub/kit';
import { postboxConnectorConfigSchema } from './config.js';

describe('the postbox-connector configuration', () => {
  it('is documented in the README as the schema says', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(configTable(postboxConnectorConfigSchema));
  });

  it('refuses to start on a bad variable, naming it', () => {
    expect(() => loadConfig(postboxConnectorConfigSchema, { POSTBOX_URL: 'not a url' })).toThrow(
      /POSTBOX_URL/,
    );
  });
});
