import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackHeaders, newSubmissionsCallbackType, signCallback } from '@hub/fit-connect';
import {
  callbackSecret,
  startReceiverUnderTest,
  type ReceiverUnderTest,
} from './receiver-under-test.js';

let receiver: ReceiverUnderTest;
let submissionId: string;

beforeAll(async () => {
  receiver = await startReceiverUnderTest();
  // The platform's own callback is lost: only the test's callbacks reach the receiver.
  receiver.simulator.admin.setFaults({ callback: 'lose' });
  ({ submissionId } = await receiver.send());
});
afterAll(() => receiver.stop());

const body = (ids: readonly string[]) =>
  JSON.stringify({ type: newSubmissionsCallbackType, submissionIds: ids });

async function post(raw: string, headers: Record<string, string>) {
  const response = await fetch(receiver.callbackUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: raw,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function signed(raw: string, timestamp = Math.floor(Date.now() / 1000), secret = callbackSecret) {
  return {
    [callbackHeaders.timestamp]: String(timestamp),
    [callbackHeaders.authentication]: signCallback(secret, raw, timestamp),
  };
}

describe('FIT-Connect callbacks at the receiver', () => {
  it.each([
    [
      'signed with another secret',
      signed(body(['x']), undefined, 'not-the-destination-secret-0000000000'),
    ],
    ['older than five minutes', signed(body(['x']), Math.floor(Date.now() / 1000) - 301)],
    ['without signature headers', {}],
  ])('refuses a callback %s with 401 and takes nothing', async (_, headers) => {
    const raw = body([submissionId]);
    // The signature of 'x' never matches this body; the stale one is checked before the match.
    const answer = await post(raw, headers);
    expect(answer.status).toBe(401);
    await receiver.settled();
    expect(receiver.simulator.admin.submission(submissionId)?.state).toBe('submitted');
  });

  it('refuses a body changed after signing', async () => {
    const headers = signed(body([submissionId]));
    const answer = await post(body([submissionId, submissionId]), headers);
    expect(answer.status).toBe(401);
    expect(answer.body.detail).toMatch(/does not match/);
  });

  it('refuses a malformed body with the field path and reason, after the signature', async () => {
    const raw = JSON.stringify({ type: newSubmissionsCallbackType, submissionIds: ['not-a-uuid'] });
    const answer = await post(raw, signed(raw));
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toMatchObject([{ path: '/submissionIds/0' }]);
  });

  it('answers a valid callback 200 at once and decides the submission afterwards; a replay is refused', async () => {
    const raw = body([submissionId]);
    const headers = signed(raw);
    const first = await post(raw, headers);
    expect(first).toEqual({ status: 200, body: { received: 1 } });
    const replay = await post(raw, headers);
    expect(replay.status).toBe(401);
    expect(replay.body.detail).toMatch(/received before/);
    await receiver.settled();
    expect(receiver.simulator.admin.submission(submissionId)?.state).toBe('accepted');
  });
});
