import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kitConfigSchema } from '../config/kit-config.js';
import { defaultOutagePolicy } from './outage-policy.js';
import { configureOutboundBreakers, outagePolicyOf } from './outage-settings.js';
import { outboundBreakers } from './outbound-breakers.js';

const required = {
  SERVICE_NAME: 'settings-test',
  KAFKA_BROKERS: '127.0.0.1:9092',
  SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081',
  DATABASE_URL: 'postgres://127.0.0.1/hub',
};

describe('outage settings from the environment', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    configureOutboundBreakers(kitConfigSchema.parse(required));
    vi.useRealTimers();
  });

  it('opens a circuit after OUTBOUND_FAILURES_TO_OPEN failures and probes after OUTBOUND_FIRST_PROBE_MS', () => {
    configureOutboundBreakers(
      kitConfigSchema.parse({
        ...required,
        OUTBOUND_FAILURES_TO_OPEN: '1',
        OUTBOUND_FIRST_PROBE_MS: '250',
      }),
    );
    const breaker = outboundBreakers.of(`settings-${String(Date.now())}:443`);

    breaker.failed();
    expect(breaker.state).toBe('open');
    vi.advanceTimersByTime(249);
    expect(breaker.admit()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(breaker.admit()).toBe(true);
  });

  it('defaults to the documented policy and takes OUTAGE_* when given', () => {
    expect(outagePolicyOf(kitConfigSchema.parse(required))).toEqual(defaultOutagePolicy);
    expect(
      outagePolicyOf(
        kitConfigSchema.parse({
          ...required,
          OUTAGE_NOTICE_AFTER_MS: '60000',
          OUTAGE_ESCALATE_AFTER_MS: '3600000',
        }),
      ),
    ).toEqual({ noticeAfterMs: 60_000, escalateAfterMs: 3_600_000 });
  });
});
