import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@hub/test-support';
import { startReceiverWithApplications, type ReceiverUnderTest } from './receiver-under-test.js';

let harness: Awaited<ReturnType<typeof startReceiverWithApplications>>;
let receiver: ReceiverUnderTest;

beforeAll(async () => {
  harness = await startReceiverWithApplications({ INTAKE_CONCURRENCY: '8' });
  ({ receiver } = harness);
});
afterAll(() => harness.stop());

/** A deterministic shuffle (seeded), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    const [a, b] = [result[i], result[j]] as [T, T];
    result[i] = b;
    result[j] = a;
  }
  return result;
}

describe('a callback storm', () => {
  it('of 1,000 callbacks for 100 submissions, duplicated and reordered, gives exactly 100 applications', async () => {
    receiver.simulator.admin.setFaults({ callback: 'lose' });
    const submissionIds: string[] = [];
    for (let i = 0; i < 100; i += 1) submissionIds.push((await receiver.send()).submissionId);

    // Each id ten times, in random order, some callbacks naming two ids, some sent twice as is.
    const announcements = shuffled(
      submissionIds.flatMap((id) => Array.from({ length: 10 }, () => id)),
      20_261_202,
    );
    receiver.simulator.admin.setFaults({ callback: 'duplicate' });
    for (let i = 0; i < announcements.length; i += 2) {
      const pair = announcements.slice(i, i + 2);
      receiver.simulator.admin.callback(
        receiver.destinationId,
        i % 10 === 0 ? pair : pair.slice(0, 1),
      );
      receiver.simulator.admin.callback(receiver.destinationId, pair.slice(1));
    }
    await receiver.settled();
    await receiver.poll();

    const states = submissionIds.map((id) => receiver.simulator.admin.submission(id)?.state);
    expect(states.filter((state) => state === 'accepted')).toHaveLength(100);
    const ours = () => harness.publishedFor(submissionIds);
    await eventually(() => (ours().length >= 100 ? true : undefined), {
      timeoutMs: 30_000,
      what: '100 applications on the topic',
    });
    expect(ours()).toHaveLength(100);
    expect(new Set(ours().map((message) => message.key?.toString())).size).toBe(100);
    const callbacks = receiver.simulator.admin.callbacks.filter((c) => c.status !== 'lost');
    expect(callbacks.length).toBeGreaterThanOrEqual(1_000);
  }, 90_000);
});
