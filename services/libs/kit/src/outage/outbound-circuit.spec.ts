import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { HubError } from '@hub/errors';
import { inClientSpan } from '../observability/client-span.js';
import { DeliveryMetrics } from '../observability/metrics.js';
import { startOpsServer } from '../observability/ops-server.js';
import { outboundBreakers } from './outbound-breakers.js';

const callTo = (host: string) => ({
  operation: 'sendMessage',
  url: new URL(`https://${host}/xta`),
  method: 'POST' as const,
  protocol: 'soap' as const,
});
const refused = () =>
  Promise.reject(new HubError('NETWORK_TRANSIENT', 'ECONNREFUSED', { retryable: true }));

describe('outbound calls through the circuit of their endpoint', () => {
  const registry = new Registry();
  new DeliveryMetrics(registry);
  const opsServer = startOpsServer({ port: 0, metrics: registry, readiness: {} });
  afterAll(async () => {
    const { server } = await opsServer;
    server.close();
  });

  it('stops calling an endpoint after three retryable failures in a row, other endpoints unaffected', async () => {
    const down = callTo('down-endpoint.example:8443');
    for (let i = 0; i < 3; i++) await expect(inClientSpan(down, refused)).rejects.toThrow();
    let reachedNetwork = false;
    const open = inClientSpan(down, () => {
      reachedNetwork = true;
      return Promise.resolve({ status: 200 });
    });
    await expect(open).rejects.toMatchObject({ code: 'OUTBOUND_CIRCUIT_OPEN', retryable: true });
    expect(reachedNetwork).toBe(false);
    await expect(
      inClientSpan(callTo('up-endpoint.example:8443'), () => Promise.resolve({ status: 200 })),
    ).resolves.toEqual({ status: 200 });
  });

  it('counts 5xx answers as failures, a fatal refusal of the request as an answering endpoint', async () => {
    const flaky = callTo('flaky-endpoint.example:8443');
    const fatal = () =>
      Promise.reject(new HubError('SOAP_SENDER', 'schema violation', { retryable: false }));
    await inClientSpan(flaky, () => Promise.resolve({ status: 503 }));
    await inClientSpan(flaky, () => Promise.resolve({ status: 503 }));
    await expect(inClientSpan(flaky, fatal)).rejects.toThrow('schema violation');
    await inClientSpan(flaky, () => Promise.resolve({ status: 503 }));
    await inClientSpan(flaky, () => Promise.resolve({ status: 503 }));
    expect(outboundBreakers.of('flaky-endpoint.example:8443').state).toBe('closed');
    await inClientSpan(flaky, () => Promise.resolve({ status: 503 }));
    expect(outboundBreakers.of('flaky-endpoint.example:8443').state).toBe('open');
  });

  it('reports an open circuit as degraded (200) on /health/ready and as a metric', async () => {
    const { port } = await opsServer;
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'degraded',
      circuits: { 'down-endpoint.example:8443': 'open' },
    });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain(
      'hub_outbound_circuit_state{endpoint="down-endpoint.example:8443"} 2',
    );
    expect(metrics).toContain('hub_outbound_circuit_state{endpoint="up-endpoint.example:8443"} 0');
  });
});
