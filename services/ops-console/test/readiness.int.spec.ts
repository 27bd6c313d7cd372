import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { silentLogger } from '@hub/kit';
import { metricsText, notReadyWithout, platform, readyWith, tcpProxy } from '@hub/test-support';
import { opsConsoleConfigSchema } from '../src/config.js';
import { startOpsConsole } from '../src/ops-console.js';

describe('ops console: ops endpoints', () => {
  it('serves /metrics on OPS_PORT, and /health/ready turns 503 without PostgreSQL', async () => {
    const database = await tcpProxy(platform().DATABASE_URL);
    const opsConsole = await startOpsConsole(
      opsConsoleConfigSchema.parse({
        ...platform(),
        DATABASE_URL: database.url,
        HTTP_PORT: '0',
        OPS_PORT: '0',
        TRACE_EXPORTER: 'none',
        JWKS_FILE: fileURLToPath(import.meta.resolve('@hub/deploy-config/dev/portal-jwks.json')),
      }),
      { logger: silentLogger },
    );
    onTestFinished(() => opsConsole.stop());

    expect(await metricsText(opsConsole.opsPort)).toContain('process_cpu_seconds_total');
    expect((await fetch(`${opsConsole.url}/anmelden`)).status).toBe(200);
    expect(await readyWith(opsConsole.opsPort)).toEqual(['database', 'kafka', 'registry']);
    await database.close();
    await notReadyWithout(opsConsole.opsPort, 'database');
  }, 120_000);
});
