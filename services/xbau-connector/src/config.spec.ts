import { readFileSync } from 'node:fs';
import { configTable } from '@hub/kit';
import { describe, expect, it } from 'vitest';
import { xbauConnectorConfigSchema } from './config.js';

describe('xbau connector configuration', () => {
  it('is documented in the README exactly as the schema says', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(configTable(xbauConnectorConfigSchema));
  });

  it('refuses an author id that XBau rule sch-xbau-001 would refuse', () => {
    const result = xbauConnectorConfigSchema.safeParse({
      KAFKA_BROKERS: '127.0.0.1:9092',
      SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081',
      DATABASE_URL: 'postgres://127.0.0.1/hub',
      XTA_AUTHOR_ID: 'BPT-05913000',
    });
    expect(result.success).toBe(false);
  });
});
