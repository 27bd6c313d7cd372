import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kitConfigSchema } from './kit-config.js';
import { configTable, loadConfig } from './load-config.js';

const valid = {
  SERVICE_NAME: 'xbau-connector',
  KAFKA_BROKERS: '127.0.0.1:9092',
  SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081/apis/ccompat/v7',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hub',
};

describe('loadConfig', () => {
  it('fills defaults and converts numbers', () => {
    const config = loadConfig(kitConfigSchema, { ...valid, OPS_PORT: '9000' });
    expect(config).toMatchObject({
      OPS_PORT: 9000,
      RETRY_MAX_ATTEMPTS: 5,
      TRACE_EXPORTER: 'zipkin',
    });
  });

  it('refuses a bad value naming the variable and not echoing the value', () => {
    const load = () => loadConfig(kitConfigSchema, { ...valid, KAFKA_BROKERS: 'secret-host' });
    expect(load).toThrow(/KAFKA_BROKERS: comma-separated host:port list/);
    expect(load).not.toThrow(/secret-host/);
  });

  it('names every missing variable at once, and treats an empty one as missing', () => {
    expect(() => loadConfig(kitConfigSchema, { SERVICE_NAME: 'x', DATABASE_URL: '' })).toThrow(
      /KAFKA_BROKERS[\s\S]*SCHEMA_REGISTRY_URL[\s\S]*DATABASE_URL/,
    );
  });
});

describe('configTable', () => {
  it('is what the kit README shows', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(configTable(kitConfigSchema));
  });
});
