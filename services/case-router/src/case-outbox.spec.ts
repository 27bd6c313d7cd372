import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { topics } from '@hub/contracts';
import { CaseOutbox, type Outgoing } from './case-outbox.js';

/** Records what was published, in order; the first publish of a case may be slow (Kafka). */
function recordingProducer(slowFirst: number) {
  const published: string[] = [];
  let calls = 0;
  return {
    published,
    publish: async (_spec: unknown, publication: { eventId?: string }) => {
      calls += 1;
      if (calls === 1) await sleep(slowFirst);
      published.push(publication.eventId ?? '');
      return publication.eventId ?? '';
    },
  };
}

const pool = { query: () => Promise.resolve({ rows: [], rowCount: 0 }) };

function event(key: string, eventId: string): Outgoing {
  return { spec: topics.citizenStatusChanged, key, value: {}, eventId };
}

describe('CaseOutbox.send', () => {
  it('sends a later decision about the same case after an earlier one, however slow its publish', async () => {
    const producer = recordingProducer(50);
    const outbox = new CaseOutbox(pool as never, producer);
    const first = outbox.send([event('case-a', 'a1'), event('case-a', 'a2')]);
    const second = outbox.send([event('case-a', 'a3')]);
    await Promise.all([first, second]);
    expect(producer.published).toEqual(['a1', 'a2', 'a3']);
  });

  it('does not hold one case up behind another', async () => {
    const producer = recordingProducer(50);
    const outbox = new CaseOutbox(pool as never, producer);
    await Promise.all([outbox.send([event('case-a', 'a1')]), outbox.send([event('case-b', 'b1')])]);
    expect(producer.published).toEqual(['b1', 'a1']);
  });
});
