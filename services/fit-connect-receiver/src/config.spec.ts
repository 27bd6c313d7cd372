import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configTable, loadConfig } from '@hub/kit';
import { fitConnectReceiverConfigSchema } from './config.js';

describe('the fit-connect-receiver configuration', () => {
  it('is documented in the README as the schema says', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(configTable(fitConnectReceiverConfigSchema));
  });

  it('refuses to start on a bad variable, naming it', () => {
    expect(() =>
      loadConfig(fitConnectReceiverConfigSchema, {
        KAFKA_BROKERS: '127.0.0.1:9092',
        SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081',
        DATABASE_URL: 'postgres://127.0.0.1/hub',
        FIT_CONNECT_CLIENT_ID: 'destination',
        FIT_CONNECT_CLIENT_SECRET: 'secret',
        FIT_CONNECT_DESTINATION_ID: 'not-a-uuid',
        CALLBACK_SECRET: 'too short',
        DECRYPTION_KEY_FILE: 'decryption.jwk.json',
        SIGNING_KEY_FILE: 'signing.jwk.json',
      }),
    ).toThrow(
      /FIT_CONNECT_DESTINATION_ID[\s\S]*CALLBACK_SECRET|CALLBACK_SECRET[\s\S]*FIT_CONNECT_DESTINATION_ID/,
    );
  });
});
