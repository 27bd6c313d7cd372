import { randomUUID } from 'node:crypto';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, metricsText } from '@hub/test-support';
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

/**
 * Sends a whole submission and hangs up at once, as a client does whose timeout ran out while its
 * request waited: the gateway reads the request and the client's FIN together.
 */
function submitAndHangUp(url: string, headers: Record<string, string>, body: string) {
  const { port } = new URL(url);
  const socket = connect(Number(port), '127.0.0.1', () => {
    const head = Object.entries({
      ...headers,
      host: `127.0.0.1:${port}`,
      'content-length': String(Buffer.byteLength(body)),
    })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`POST /v1/applications HTTP/1.1\r\n${head}\r\n${body}`);
  });
  socket.on('error', () => undefined);
}

/** Keeps the event loop busy without a pause, as a process does that has more work than CPU. */
function busyFor(milliseconds: number): void {
  const until = performance.now() + milliseconds;
  while (performance.now() < until);
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

    // Metrics are on the ops port, apart from the portal API.
    const metrics = await metricsText(under.gateway.opsPort);
    expect(metrics).toMatch(
      /^hub_gateway_submissions_refused_overload_total\{reason="in_flight"\} [1-9]/m,
    );

    held.finish();
    expect((await held.answered).statusCode).toBe(202);
    expect((await under.submit(validApplication())).status).toBe(202);
  });
});

describe('a saturated event loop sheds new submissions (real gateway, Kafka, PostgreSQL)', () => {
  let under: Under;
  beforeAll(async () => {
    under = await startGatewayUnderTest({
      // A share of 1/8 of the slots: one submission in flight makes the gateway shed load.
      MAX_IN_FLIGHT_SUBMISSIONS: '8',
      MAX_EVENT_LOOP_UTILIZATION: '0.5',
      OVERLOAD_RETRY_AFTER_SECONDS: '2',
    });
  });
  afterAll(async () => {
    await under.gateway.stop();
  });

  // Without a token: admitted, then refused for that (401); each admission looks at the loop.
  const probe = () => under.post('{}', { 'content-type': 'application/json' });
  const admittedProbe = () =>
    eventually(async () => ((await probe()).status === 401 ? true : undefined), {
      timeoutMs: 10_000,
      what: 'an admitted probe (the loop idle again)',
    });

  it('answers 503 with Retry-After after the loop had no idle moment while submissions were in flight', async () => {
    const token = await under.idp.token({ citizenAccount: citizen });
    const held = slowSubmission(under.gateway.url, token, JSON.stringify(validApplication()));
    await admittedProbe();

    busyFor(300);
    const refused = await probe();
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe('2');
    expect(refused.json).toMatchObject({ status: 503, title: 'Overloaded' });
    expect(await metricsText(under.gateway.opsPort)).toMatch(
      /^hub_gateway_submissions_refused_overload_total\{reason="event_loop"\} [1-9]/m,
    );

    held.finish();
    expect((await held.answered).statusCode).toBe(202);
  });

  it('admits while nothing is in flight, however busy the loop: shedding never refuses everything', async () => {
    await admittedProbe();
    busyFor(300);
    expect((await probe()).status).toBe(401);
    expect((await under.submit(validApplication())).status).toBe(202);
  });
});

describe('work for a client that gave up is not done (real gateway, Kafka, PostgreSQL)', () => {
  let under: Under;
  beforeAll(async () => {
    under = await startGatewayUnderTest();
  });
  afterAll(async () => {
    await under.gateway.stop();
  });

  it('stores nothing for a submission whose client hung up before it was stored: its key stays free', async () => {
    const token = await under.idp.token({ citizenAccount: citizen });
    const key = randomUUID();
    const headers = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': key,
    };
    submitAndHangUp(under.gateway.url, headers, JSON.stringify(validApplication()));
    await eventually(
      async () =>
        /^hub_gateway_submissions_unanswered_total [1-9]/m.test(
          await metricsText(under.gateway.opsPort),
        ) || undefined,
      { timeoutMs: 10_000, what: 'the gateway noticing the client hung up' },
    );
    // One whole submission after it: had the abandoned one gone on, it would have claimed the key.
    expect((await under.submit(validApplication())).status).toBe(202);

    // Had the abandoned submission been stored, the key would now answer another body with a
    // conflict (or 409 while in progress); it is free, so this one is accepted.
    const sameApplicationOtherBytes = JSON.stringify(validApplication(), null, 1);
    const answer = await under.post(sameApplicationOtherBytes, headers);
    expect(answer.status).toBe(202);
  });
});
