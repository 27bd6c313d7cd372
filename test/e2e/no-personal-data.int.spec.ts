import { describe, expect, it } from 'vitest';
import { collectFrom, eventually, platform, testKafka } from '@hub/test-support';
import { buildingPermitApplication, hubForThisFile, uniqueLetters } from './hub-under-test.js';

/*
 * The applicant's name, street, IP address and browser travel in the Avro payloads only: never in
 * a span, a log line or a dead-letter header. One application goes all the way, one is
 * dead-lettered at the XBau connector; then everything the run left behind is searched.
 */
const applicant = {
  givenName: 'Zyxwort',
  familyName: 'Quxheimer',
  address: { street: 'Plinthgasse', houseNumber: '7', postalCode: '50667', city: 'Köln' },
};
const clientIp = '203.0.113.77';
const userAgent = 'Bürgerbrowser/9.9 (Zyxwort)';
const personal = ['Zyxwort', 'Quxheimer', 'Plinthgasse', clientIp, 'Bürgerbrowser'];

function found(text: string): string[] {
  return personal.filter((value) => text.includes(value));
}

describe('personal data in an end-to-end run', () => {
  const hub = hubForThisFile();

  async function submit(street = applicant.address.street) {
    const { response, traceId } = await hub().submit(
      buildingPermitApplication('05315000', undefined, {
        ...applicant,
        address: { ...applicant.address, street },
      }),
      { 'user-agent': userAgent, 'x-forwarded-for': clientIp },
    );
    expect(response.status).toBe(202);
    const { applicationId } = (await response.json()) as { applicationId: string };
    return { applicationId, traceId };
  }

  async function untilState(applicationId: string, state: string): Promise<void> {
    await eventually(
      async () => ((await hub().view(applicationId)).state === state ? true : undefined),
      { timeoutMs: 200_000, intervalMs: 500, what: `${applicationId} to reach ${state}` },
    );
  }

  it('never appears in spans, logs or dead-letter headers', async () => {
    const completed = await submit();
    await untilState(completed.applicationId, 'COMPLETED');
    // Refused by its street alone: other runs' requests reaching this XTA server are not.
    const refusedStreet = `Plinthgasse ${uniqueLetters()}`;
    hub().xta.setFaults({ refusedSendsMentioning: refusedStreet });
    let failed: { applicationId: string; traceId: string };
    try {
      failed = await submit(refusedStreet);
      await untilState(failed.applicationId, 'DELIVERY_FAILED');
    } finally {
      hub().xta.setFaults({});
    }

    const { received } = await collectFrom(
      testKafka(),
      `dlq.${hub().services['xbau-connector']}.delivery-requested`,
    );
    const deadLetter = await eventually(
      () => received.find((record) => record.message.key?.toString() === failed.applicationId),
      { timeoutMs: 30_000, what: 'the dead letter of the failed application' },
    );
    const headers = Object.entries(deadLetter.message.headers ?? {})
      .map(([name, value]) => `${name}=${String(value)}`)
      .join('\n');
    expect(headers).toContain('dlq-error-code');
    expect(found(headers)).toEqual([]);

    for (const { traceId } of [completed, failed]) {
      const spans = await eventually(
        async () => {
          // Each service exports its spans in its own batches: wait for all three.
          const trace = await fetch(`${platform().ZIPKIN_URL}/api/v2/trace/${traceId}`);
          const text = trace.ok ? await trace.text() : '';
          const { services: names } = hub();
          const services = [names['portal-gateway'], names['case-router'], names['xbau-connector']];
          return services.every((service) => text.includes(`"serviceName":"${service}"`))
            ? text
            : undefined;
        },
        { timeoutMs: 30_000, what: `the spans of every service in trace ${traceId}` },
      );
      expect(found(spans)).toEqual([]);
      expect(spans).not.toMatch(/"(client\.address|user_agent\.original|http\.user_agent)"/);
    }

    expect(found(JSON.stringify(hub().logs()))).toEqual([]);
  }, 360_000);
});
