import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configTable } from '@hub/kit';
import { open311Config, open311ConfigSchema } from './config.js';

const required = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081/apis/ccompat/v7',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hub',
  OPEN311_API_KEYS: 'a-key-of-sixteen-chars',
  OPEN311_STAFF_KEYS: 'a-staff-key-of-sixteen',
  OFFICE_WEBHOOK_URL: 'http://127.0.0.1:8095/reports',
  OFFICE_WEBHOOK_SECRET: 'a-secret-of-sixteen',
};

describe('the open311 gateway configuration', () => {
  it('separates the ops port from the Open311 port and defaults the review threshold', () => {
    expect(open311Config(required)).toMatchObject({
      OPS_PORT: 9180,
      HTTP_PORT: 8311,
      TRIAGE_REVIEW_THRESHOLD: 0.6,
      DUPLICATE_RADIUS_METRES: 25,
    });
  });

  it('refuses short keys and a threshold outside 0..1, naming the variables only', () => {
    const load = () =>
      open311Config({ ...required, OPEN311_API_KEYS: 'short', TRIAGE_REVIEW_THRESHOLD: '1.5' });
    expect(load).toThrow(/OPEN311_API_KEYS[\s\S]*TRIAGE_REVIEW_THRESHOLD/);
    expect(load).not.toThrow(/short/);
  });

  it('refuses office areas that are not a JSON list of areas', () => {
    expect(() => open311Config({ ...required, OFFICE_AREAS_JSON: '[{"name": "Park"}]' })).toThrow(
      /OFFICE_AREAS_JSON: a JSON list of/,
    );
    expect(() => open311Config({ ...required, OFFICE_AREAS_JSON: 'not json' })).toThrow(
      /OFFICE_AREAS_JSON/,
    );
  });

  it('is documented in the README by its own schema', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(configTable(open311ConfigSchema));
  });
});
