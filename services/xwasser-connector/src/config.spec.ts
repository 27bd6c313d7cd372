import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configTable, loadConfig } from '@hub/kit';
import { xwasserConnectorConfigSchema } from './config.js';

describe('the xwasser-connector configuration', () => {
  it('is documented in the README as the schema says', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(configTable(xwasserConnectorConfigSchema));
  });

  it('refuses to start on a bad variable, naming it', () => {
    expect(() =>
      loadConfig(xwasserConnectorConfigSchema, { XTA_ENDPOINT_URL: 'not a url' }),
    ).toThrow(/XTA_ENDPOINT_URL/);
  });
});
