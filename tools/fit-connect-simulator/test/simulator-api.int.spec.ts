import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { callbackHeaders, signDecision, verifyCallback } from '@hub/fit-connect';
import {
  clientToken,
  pickupPeriodMs,
  sendSubmission,
  startFitConnectSimulator,
  type FitConnectSimulator,
} from '../src/index.js';

const sender = { clientId: 'online-service', clientSecret: 'sender-secret' };
const subscriber = { clientId: 'destination-client', clientSecret: 'subscriber-secret' };
const callbackSecret = 'simulator-test-callback-secret-0123456789';
const destinationId = randomUUID();

let simulator: FitConnectSimulator;
let signing: { privateKey: CryptoKey; kid: string };
const received: { headers: IncomingMessage['headers']; body: string }[] = [];
const callbackServer = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    response.writeHead(200).end();
  });
});

async function publicJwk(key: CryptoKey, kid: string, alg: string): Promise<JWK> {
  return { ...(await exportJWK(key)), kid, alg };
}

beforeAll(async () => {
  await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
  const encryption = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048 });
  const signature = await generateKeyPair('PS512', { modulusLength: 2048 });
  signing = { privateKey: signature.privateKey, kid: 'sig-1' };
  simulator = await startFitConnectSimulator();
  simulator.admin.addClient({ ...sender, role: 'sender' });
  simulator.admin.addClient({ ...subscriber, role: 'subscriber', destinationId });
  simulator.admin.addDestination({
    destinationId,
    encryptionKey: await publicJwk(encryption.publicKey, 'enc-1', 'RSA-OAEP-256'),
    signatureKey: await publicJwk(signature.publicKey, 'sig-1', 'PS512'),
    callback: {
      url: `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/callback`,
      secret: callbackSecret,
    },
  });
});
afterAll(async () => {
  await simulator.stop();
  callbackServer.close();
});

const send = () =>
  sendSubmission(simulator.url, sender, {
    destinationId,
    leikaKey: '99010003001000',
    serviceName: 'Bauantrag',
    schemaUri: 'urn:example:schema',
    data: { hello: 'world' },
    attachments: [
      { filename: 'a.pdf', mimeType: 'application/pdf', content: new Uint8Array([1, 2]) },
    ],
  });

async function call(
  path: string,
  init: Omit<RequestInit, 'headers'> & {
    as?: typeof sender;
    headers?: Record<string, string>;
  } = {},
) {
  const token = init.as ? await clientToken(simulator.url, init.as) : undefined;
  const response = await fetch(`${simulator.url}${path}`, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

describe('the FIT-Connect simulator', () => {
  it('announces a submission by a callback signed with HMAC-SHA512 over "<timestamp>.<body>"', async () => {
    const { submissionId } = await send();
    await simulator.admin.callbacksIdle();
    const callback = received.find((entry) => entry.body.includes(submissionId));
    expect(callback).toBeDefined();
    const verdict = verifyCallback(
      callbackSecret,
      callback?.body ?? '',
      {
        authentication: callback?.headers[callbackHeaders.authentication],
        timestamp: callback?.headers[callbackHeaders.timestamp],
      },
      Math.floor(Date.now() / 1000),
    );
    expect(verdict).toBe('valid');
  });

  it('duplicates a callback as the identical request, and loses one when told to', async () => {
    simulator.admin.setFaults({ callback: 'duplicate' });
    const { submissionId } = await send();
    simulator.admin.setFaults({ callback: 'lose' });
    const lost = await send();
    simulator.admin.setFaults({ callback: 'deliver' });
    await simulator.admin.callbacksIdle();
    const copies = received.filter((entry) => entry.body.includes(submissionId));
    expect(copies).toHaveLength(2);
    expect(copies[0]?.headers[callbackHeaders.authentication]).toBe(
      copies[1]?.headers[callbackHeaders.authentication],
    );
    expect(received.some((entry) => entry.body.includes(lost.submissionId))).toBe(false);
  });

  it('holds a late callback back, signed when it was due (stale once late enough)', async () => {
    simulator.admin.setFaults({ callback: 'late', lateMs: 300 });
    const { submissionId } = await send();
    simulator.admin.setFaults({ callback: 'deliver' });
    expect(received.some((entry) => entry.body.includes(submissionId))).toBe(false);
    await simulator.admin.callbacksIdle();
    expect(received.some((entry) => entry.body.includes(submissionId))).toBe(true);
  });

  it('lists, serves and decides submissions for the destination only, once', async () => {
    const { submissionId, caseId } = await send();
    const list = await call(`/v1/submissions?destinationId=${destinationId}&limit=500`, {
      as: subscriber,
    });
    expect(JSON.stringify(list.body)).toContain(submissionId);
    expect((await call(`/v1/submissions/${submissionId}`, { as: sender })).status).toBe(403);
    expect((await call(`/v1/submissions/${submissionId}`)).status).toBe(401);
    const accept = await signDecision(
      signing,
      { destinationId, submissionId, caseId },
      { kind: 'accept' },
    );
    const post = (token: string) =>
      call(`/v1/cases/${caseId}/events`, {
        as: subscriber,
        method: 'POST',
        headers: { 'content-type': 'application/jose' },
        body: token,
      });
    expect((await post(`${accept}x`)).status).toBe(422);
    expect((await post(accept)).status).toBe(202);
    expect((await post(accept)).status).toBe(409);
    expect(simulator.admin.submission(submissionId)?.state).toBe('accepted');
  });

  it.each([
    [
      'wrong client secret',
      '/token',
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `grant_type=client_credentials&client_id=${sender.clientId}&client_secret=nope`,
      },
      401,
    ],
    [
      'another grant type',
      '/token',
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=password',
      },
      400,
    ],
    [
      'a JSON token request',
      '/token',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      415,
    ],
    ['an unknown path', '/v1/nothing', {}, 404],
    ['a wrong method', `/v1/submissions/${randomUUID()}`, { method: 'DELETE' }, 405],
    ['a path traversal', '/v1/submissions/../../etc/passwd', {}, 404],
  ])('answers %s with a problem document', async (_, path, init, status) => {
    const answer = await call(path, init);
    expect(answer.status).toBe(status);
    expect(answer.body.status).toBe(status);
  });

  it.each([
    ['not JSON', '{', 400, /not JSON/],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0x7d]), 400, /UTF-8/],
    [
      'an unknown field',
      JSON.stringify({
        destinationId,
        serviceType: { name: 'x', identifier: 'urn:de:fim:leika:leistung:99010003001000' },
        evil: 1,
      }),
      400,
      /evil|Unrecognized/,
    ],
    [
      'a bad LeiKa URN',
      JSON.stringify({ destinationId, serviceType: { name: 'x', identifier: 'x' } }),
      400,
      /\/serviceType\/identifier/,
    ],
    ['an oversized body', 'x'.repeat(9 * 1024 * 1024), 413, /larger/],
  ])('refuses an announcement with %s', async (_, body, status, detail) => {
    const answer = await call('/v1/submissions', {
      as: sender,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(answer.status).toBe(status);
    expect(String(answer.body.detail)).toMatch(detail);
  });

  it('refuses a submission whose parts are no JWE', async () => {
    const announced = await call('/v1/submissions', {
      as: sender,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        destinationId,
        serviceType: { name: 'x', identifier: 'urn:de:fim:leika:leistung:99010003001000' },
      }),
    });
    const answer = await call(`/v1/submissions/${String(announced.body.submissionId)}`, {
      as: sender,
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ encryptedMetadata: '<script>', encryptedData: 'a.b' }),
    });
    expect(answer.status).toBe(400);
    expect(String(answer.body.detail)).toMatch(/\/encryptedMetadata: must be a JWE/);
  });

  it('deletes a submission not decided within 14 days', async () => {
    const { submissionId } = await send();
    simulator.admin.advanceClock(pickupPeriodMs);
    const answer = await call(`/v1/submissions/${submissionId}`, { as: subscriber });
    expect(answer.status).toBe(404);
    expect(String(answer.body.detail)).toMatch(/14 days/);
  });
});
