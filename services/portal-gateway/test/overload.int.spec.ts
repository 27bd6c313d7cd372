import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@hub/test-support';
import { validApplication } from './fixtures.js';
import { citizen, startGatewayUnderTest } from './gateway-under-test.js';

type Under = Awaited<ReturnType<typeof startGatewayUnderTest>>;

/** A submission whose body is sent in two parts: it holds an in-flight slot until `finish`. */
function slowSubmission(url: string, token: string, body: string) {
  const { port } = new URL(url);
  let upload: ClientRequest | undefined;
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    upload = httpRequest(
      {
        host: '127.0.0.1',
        port: Number(port),
        method: 'POST',
        path: '/v1/applications',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
        },
      },
      resolve,
    );
    upload.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  upload?.write(body.slice(0, half));
  return {
    answered,
    finish: () => upload?.end(body.slice(half)),
  };
}

describe('overload is refused, not queued (real gateway, Kafka, PostgreSQL)', () => {
  let under: Under;
  beforeAll(async () => {
    under = await startGatewayUnderTest({
      MAX_IN_FLIGHT_SUBMISSIONS: '1',
      OVERLOAD_RETRY_AFTER_SECONDS: '3',
    });
  });
  afterAll(async () => {
    await under.gateway.stop();
  });

  it('answers 503 with Retry-After while the in-flight limit is taken, and serves again once it frees', async () => {
    const token = await under.idp.token({ citizenAccount: citizen });
    const held = slowSubmission(under.gateway.url, token, JSON.stringify(validApplication()));

    // The held upload takes the one slot as soon as its headers are read; until then a probe may
    // still get through (and is refused for its empty body).
    const refused = await eventually(
      async () => {
        const probe = await fetch(`${under.gateway.url}/v1/applications`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: '{}',
        });
        return probe.status === 503 ? probe : undefined;
      },
      { timeoutMs: 10_000, what: 'a 503 while the slot is held' },
    );
    expect(refused.headers.get('retry-after')).toBe('3');
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await refused.json()).toMatchObject({ status: 503, title: 'Overloaded' });

    const metrics = await fetch(`${under.gateway.url}/metrics`).then((response) => response.text());
    expect(metrics).toMatch(/^hub_gateway_submissions_refused_overload_total [1-9]/m);

    held.finish();
    expect((await held.answered).statusCode).toBe(202);
    expect((await under.submit(validApplication())).status).toBe(202);
  });
});
