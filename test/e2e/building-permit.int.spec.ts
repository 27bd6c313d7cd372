import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, platform } from '@hub/test-support';
import { buildingPermitApplication, startHubUnderTest } from './hub-under-test.js';

/*
 * The main flow end to end, every part real and every service its own process:
 * portal POST → portal-gateway → case-router → xbau-connector → XTA simulator (authority) →
 * replies → case-router → citizen timeline in the gateway; one trace from the portal's traceparent.
 */
describe('a building-permit application from the portal to the authority and back', () => {
  let hub: Awaited<ReturnType<typeof startHubUnderTest>>;
  beforeAll(async () => {
    hub = await startHubUnderTest();
  }, 120_000);
  afterAll(async () => {
    await hub.stop();
  });

  it('shows every step in order on the citizen timeline, under one trace', async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(`${hub.gatewayUrl}/v1/applications`, {
      method: 'POST',
      headers: {
        authorization: hub.authorization,
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
      // Köln: no fee in the routing table, XBau 2.5.
      body: JSON.stringify(buildingPermitApplication('05315000')),
    });
    expect(response.status).toBe(202);
    const { applicationId } = (await response.json()) as { applicationId: string };

    const view = await eventually(
      async () => {
        const current = await hub.view(applicationId);
        return current.state === 'COMPLETED' ? current : undefined;
      },
      {
        timeoutMs: 90_000,
        intervalMs: 500,
        what: 'the application to be COMPLETED on the citizen timeline',
      },
    );
    const states = view.timeline.map((step) => step.state);
    expect(states[0]).toBe('SUBMITTED');
    expect(states).toContain('RECEIVED');
    expect(states.indexOf('ACTION_REQUIRED')).toBeGreaterThan(states.indexOf('RECEIVED'));
    expect(states.at(-1)).toBe('COMPLETED');
    // One order: the hub's "zugestellt" before the authority's replies, and no flapping back.
    const texts = view.timeline.map((step) => step.text);
    const delivered = texts.findIndex((text) => text.includes('zugestellt'));
    const firstReply = texts.findIndex((text) => text.startsWith('Bauaufsicht'));
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(firstReply);
    expect(states.slice(states.indexOf('PROCESSING'))).not.toContain('RECEIVED');
    // Other suites' requests may reach the same simulator; none was delivered twice.
    expect(hub.xta.deliveries.size).toBeGreaterThan(0);
    expect([...hub.xta.deliveries.values()].every((count) => count === 1)).toBe(true);

    const services = await eventually(
      async () => {
        const trace = await fetch(`${platform().ZIPKIN_URL}/api/v2/trace/${traceId}`);
        if (!trace.ok) return undefined;
        const names = new Set(
          ((await trace.json()) as { localEndpoint?: { serviceName?: string } }[]).map(
            (span) => span.localEndpoint?.serviceName,
          ),
        );
        return ['portal-gateway', 'case-router', 'xbau-connector'].every((name) => names.has(name))
          ? names
          : undefined;
      },
      { timeoutMs: 30_000, what: `spans of all three services in trace ${traceId}` },
    );
    expect([...services]).toEqual(
      expect.arrayContaining(['portal-gateway', 'case-router', 'xbau-connector']),
    );
  }, 180_000);

  it('shows DELIVERY_FAILED on the citizen timeline when the delivery is dead-lettered', async () => {
    // The authority's XTA server fails every request: the XBau connector gives up and dead-letters.
    hub.xta.setFaults({ technicalProblem: 1_000_000 });
    try {
      const response = await fetch(`${hub.gatewayUrl}/v1/applications`, {
        method: 'POST',
        headers: { authorization: hub.authorization, 'content-type': 'application/json' },
        body: JSON.stringify(buildingPermitApplication('05315000')),
      });
      expect(response.status).toBe(202);
      const { applicationId } = (await response.json()) as { applicationId: string };

      const view = await eventually(
        async () => {
          const current = await hub.view(applicationId);
          return current.state === 'DELIVERY_FAILED' ? current : undefined;
        },
        { timeoutMs: 90_000, intervalMs: 500, what: 'DELIVERY_FAILED on the citizen timeline' },
      );
      expect(view.text).toBe(
        'Ihr Antrag konnte nicht zugestellt werden; die Stadt kümmert sich darum.',
      );
      expect(view.timeline.map((step) => step.state)).toEqual(['SUBMITTED', 'DELIVERY_FAILED']);
    } finally {
      hub.xta.setFaults({});
    }
  }, 120_000);
});
