import { randomUUID } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createLogger } from '@hub/kit';
import {
  startGroupsAtEnd,
  metricsText,
  notReadyWithout,
  platform,
  readyWith,
  tcpProxy,
  testKafka,
} from '@hub/test-support';
import { startCaseRouter } from '../src/case-router-service.js';
import { caseRouterConfigSchema } from '../src/config.js';

describe('case router: ops endpoints', () => {
  it('serves /metrics, and /health/ready turns 503 without PostgreSQL', async () => {
    const service = `case-router-ops-${randomUUID().slice(0, 8)}`;
    await startGroupsAtEnd(testKafka(), service, 'case-router');
    const database = await tcpProxy(platform().DATABASE_URL);
    const router = await startCaseRouter(
      caseRouterConfigSchema.parse({
        ...platform(),
        SERVICE_NAME: service,
        DATABASE_URL: database.url,
        TRACE_EXPORTER: 'none',
        OPS_PORT: '0',
        DEADLINE_SCAN_INTERVAL_MS: '3600000',
      }),
      { logger: createLogger(service, 'error') },
    );
    onTestFinished(() => router.stop());

    expect(await metricsText(router.opsPort)).toContain('hub_applications_stuck');
    expect(await readyWith(router.opsPort)).toEqual(['database', 'kafka', 'registry']);
    await database.close();
    await notReadyWithout(router.opsPort, 'database');
  }, 120_000);
});
