import { describe, expect, it, onTestFinished } from 'vitest';
import { metricsText, notReadyWithout, readinessBecomes } from '@hub/test-support';
import { startReceiverUnderTest } from './receiver-under-test.js';

describe('the receiver’s ops endpoints', () => {
  it('are ready with FIT-Connect reachable, 503 naming fit-connect without it, and export the intake metrics', async () => {
    const receiver = await startReceiverUnderTest();
    onTestFinished(() => receiver.service.stop());

    await readinessBecomes(receiver.service.opsPort, 200);
    const metrics = await metricsText(receiver.service.opsPort);
    expect(metrics).toContain('hub_fit_connect_submissions_nearing_deadline');
    expect(metrics).toContain('hub_fit_connect_callbacks_total');
    await receiver.simulator.stop();
    const checks = await notReadyWithout(receiver.service.opsPort, 'fit-connect');
    expect(checks.database).toBe('up');
  }, 60_000);
});
