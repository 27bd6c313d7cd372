import { describe, expect, it } from 'vitest';
import { eventually, platform } from '@hub/test-support';
import { buildingPermitApplication, hubForThisFile, uniqueLetters } from './hub-under-test.js';

/*
 * The main flow end to end, every part real and every service its own process:
 * portal POST → portal-gateway → case-router → xbau-connector → XTA simulator (authority) →
 * replies → case-router → citizen timeline in the gateway; one trace from the portal's traceparent.
 */
interface ZipkinSpan {
  readonly id: string;
  readonly parentId?: string;
  readonly name: string;
  readonly localEndpoint?: { readonly serviceName?: string };
}

describe('a building-permit application from the portal to the authority and back', () => {
  const hub = hubForThisFile();

  it('shows every step in order on the citizen timeline, under one trace', async () => {
    // Köln: no fee in the routing table, XBau 2.5.
    const { response, traceId, traceparent } = await hub().submit(
      buildingPermitApplication('05315000'),
    );
    expect(response.status).toBe(202);
    const { applicationId } = (await response.json()) as { applicationId: string };

    const view = await eventually(
      async () => {
        const current = await hub().view(applicationId);
        return current.state === 'COMPLETED' ? current : undefined;
      },
      {
        timeoutMs: 240_000,
        intervalMs: 500,
        what: 'the application to be COMPLETED on the citizen timeline',
      },
    );
    const states = view.timeline.map((step) => step.state);
    const authorityReplies = view.timeline.filter((step) =>
      step.text.startsWith('Bauaufsicht'),
    ).length;
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
    // This hub's groups are its own: the application reached its authority exactly once.
    expect(hub().xta.deliveriesByApplication.get(applicationId)).toBe(1);
    expect([...hub().xta.deliveries.values()].every((count) => count === 1)).toBe(true);
    // Every SOAP document exchanged with the authority's XTA server, both ways, is XSD-valid.
    expect(hub().xtaEnvelopes().seen).toBeGreaterThan(0);
    expect(hub().xtaEnvelopes().invalid).toEqual([]);

    // One trace, one tree: the gateway's request, the router, the delivery with its SOAP calls and
    // every reply fetched from the box later, all below the portal's span.
    const portalSpanId = traceparent.split('-')[2];
    // Spans whose parent is neither in the trace nor the portal's: a second root, or not exported yet.
    const orphans = (spans: readonly ZipkinSpan[]) => {
      const ids = new Set(spans.map((span) => span.id));
      return spans.filter(
        (span) => span.parentId !== portalSpanId && !ids.has(span.parentId ?? ''),
      );
    };
    // Each service exports in its own batches, so the tree is complete only after a while; a trace
    // that never becomes one tree times out here, naming what was missing.
    const spans = await eventually(
      async () => {
        const trace = await fetch(`${platform().ZIPKIN_URL}/api/v2/trace/${traceId}`);
        if (!trace.ok) return undefined;
        const found = (await trace.json()) as ZipkinSpan[];
        const replies = found.filter(
          (span) => span.name === 'process procedure.status-reported.v1',
        ).length;
        const ready =
          replies >= authorityReplies &&
          found.some((span) => span.name === 'soap sendmessage') &&
          found.some((span) => span.name === 'send procedure.status-reported.v1') &&
          orphans(found).length === 0;
        return ready ? found : undefined;
      },
      {
        timeoutMs: 30_000,
        what: `every span of application ${applicationId} in trace ${traceId}, as one tree`,
      },
    );
    expect(orphans(spans)).toEqual([]);
    const { services } = hub();
    expect([...new Set(spans.map((span) => span.localEndpoint?.serviceName))]).toEqual(
      expect.arrayContaining([
        services['portal-gateway'],
        services['case-router'],
        services['xbau-connector'],
      ]),
    );
  }, 330_000);

  it('shows DELIVERY_FAILED on the citizen timeline when the delivery is dead-lettered', async () => {
    // The authority's XTA server refuses the sender, which no retry cures (a technical problem
    // would be an outage the connector waits out, ADR 0017): it dead-letters at once.
    // Refused by the applicant's name alone: other runs' requests reaching this server are not.
    const familyName = `Mustermann-${uniqueLetters()}`;
    hub().xta.setFaults({ refusedSendsMentioning: familyName });
    try {
      const { response } = await hub().submit(
        buildingPermitApplication('05315000', undefined, {
          givenName: 'Erika',
          familyName,
          address: { street: 'Domkloster', houseNumber: '4', postalCode: '50667', city: 'Köln' },
        }),
      );
      expect(response.status).toBe(202);
      const { applicationId } = (await response.json()) as { applicationId: string };

      const view = await eventually(
        async () => {
          const current = await hub().view(applicationId);
          return current.state === 'DELIVERY_FAILED' ? current : undefined;
        },
        { timeoutMs: 90_000, intervalMs: 500, what: 'DELIVERY_FAILED on the citizen timeline' },
      );
      expect(view.text).toBe(
        'Ihr Antrag konnte nicht zugestellt werden; die Stadt kümmert sich darum.',
      );
      expect(view.timeline.map((step) => step.state)).toEqual(['SUBMITTED', 'DELIVERY_FAILED']);
    } finally {
      hub().xta.setFaults({});
    }
  }, 120_000);
});
