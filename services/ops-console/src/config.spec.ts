import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configTable } from '@hub/kit';
import { opsConsoleConfigSchema } from './config.js';

const required = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081',
  DATABASE_URL: 'postgres://127.0.0.1/hub',
  JWKS_FILE: 'keys.json',
};

describe('ops console configuration', () => {
  it('is documented in the README exactly as the schema says', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(configTable(opsConsoleConfigSchema));
  });

  it('refuses to start without keys for operator tokens', () => {
    expect(opsConsoleConfigSchema.safeParse({ ...required, JWKS_FILE: undefined }).success).toBe(
      false,
    );
  });

  it('refuses health targets that are not a JSON object of URLs', () => {
    for (const HEALTH_TARGETS_JSON of ['[1]', '{"a":"not a url"}', 'nope'])
      expect(opsConsoleConfigSchema.safeParse({ ...required, HEALTH_TARGETS_JSON }).success).toBe(
        false,
      );
    expect(
      opsConsoleConfigSchema.safeParse({
        ...required,
        HEALTH_TARGETS_JSON: '{"case-router":"http://127.0.0.1:9100/health/ready"}',
      }).success,
    ).toBe(true);
  });

  it('reads COOKIE_SECURE as a boolean', () => {
    expect(opsConsoleConfigSchema.parse({ ...required, COOKIE_SECURE: 'true' }).COOKIE_SECURE).toBe(
      true,
    );
  });
});
