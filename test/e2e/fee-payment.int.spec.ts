import { describe, expect, it } from 'vitest';
import { eventually, platform } from '@hub/test-support';
import { buildingPermitApplication, hubForThisFile } from './hub-under-test.js';

/*
 * The fee step end to end: an application that costs a fee → pay link on the citizen timeline →
 * the citizen pays on the provider's pay page → the connector verifies by GET → the case router
 * delivers to the authority → the timeline shows the payment step, then the procedure's statuses.
 */
const view0 = (view: { timeline: { state: string }[] }) => view.timeline.map((step) => step.state);

describe('a building-permit application with a fee', () => {
  const hub = hubForThisFile();

  it('is delivered only after the fee was paid, and the timeline shows the payment', async () => {
    // Dortmund charges a fee for building permits (routing table).
    const { response, traceId } = await hub().submit(
      buildingPermitApplication('05913000', '250.00'),
    );
    expect(response.status).toBe(202);
    const { applicationId } = (await response.json()) as { applicationId: string };

    const payUrl = await eventually(
      async () =>
        /https?:\/\/\S+\/pay\/\S+/.exec(
          (await hub().view(applicationId)).timeline.map((step) => step.text).join(' '),
        )?.[0],
      { timeoutMs: 60_000, intervalMs: 500, what: 'the pay link on the citizen timeline' },
    );
    expect(view0(await hub().view(applicationId))).not.toContain('RECEIVED');

    // The citizen pays on the provider's page (a form POST, as the browser would send it).
    const paid = await fetch(payUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'pay', paymentMethod: 'PAYPAL' }).toString(),
    });
    expect(paid.status).toBe(303);

    const view = await eventually(
      async () => {
        const current = await hub().view(applicationId);
        return current.state === 'COMPLETED' ? current : undefined;
      },
      { timeoutMs: 200_000, intervalMs: 500, what: 'the paid application to be COMPLETED' },
    );
    const texts = view.timeline.map((step) => step.text);
    expect(hub().xta.deliveriesByApplication.get(applicationId)).toBe(1);
    const paidAt = texts.findIndex((text) => text.includes('Zahlung ist eingegangen'));
    const receivedAt = view.timeline.findIndex((step) => step.state === 'RECEIVED');
    expect(paidAt).toBeGreaterThan(0);
    expect(receivedAt).toBeGreaterThan(paidAt);
    // The case router names the application in the purpose; other suites' payments may share the provider.
    const mine = hub()
      .provider.transactions.all()
      .filter((t) => JSON.stringify(t.request).includes(applicationId.slice(0, 8)));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.status).toBe('PAYED');
    // Every SOAP document exchanged with the authority's XTA server, both ways, is XSD-valid.
    expect(hub().xtaEnvelopes().seen).toBeGreaterThan(0);
    expect(hub().xtaEnvelopes().invalid).toEqual([]);

    // The payment found on the provider's side (callback or poll) joins the application's trace:
    // the provider call, the settlement and the delivery it caused all carry the portal's trace id.
    await eventually(
      async () => {
        const trace = await fetch(`${platform().ZIPKIN_URL}/api/v2/trace/${traceId}`);
        if (!trace.ok) return undefined;
        const names = new Set(
          ((await trace.json()) as { name: string }[]).map((span) => span.name),
        );
        const expected = [
          'post createtransaction',
          'send payment.payment-settled.v1',
          'process payment.payment-settled.v1',
          'send procedure.delivery-requested.v1',
          'soap sendmessage',
        ];
        return expected.every((name) => names.has(name)) ? names : undefined;
      },
      { timeoutMs: 30_000, what: `the payment and the delivery in trace ${traceId}` },
    );
  }, 360_000);
});
