import { describe, expect, it } from 'vitest';
import { deadLetter, textHeaders } from '@hub/kit';
import { contextOf } from './dead-letter-context.js';
import type { DeadLetter } from './read-dead-letters.js';
import { replayOf, selects } from './replay.js';

// ADR 0013: what the kit writes is what every reader reads; this is the agreement between them.
const source = {
  topic: 'procedure.delivery-requested.v1',
  partition: 4,
  offset: '1234',
  key: Buffer.from('0f7c1e52-9a3b-4d5e-8f60-7a1b2c3d4e5f'),
  // Not even a Confluent frame: undecodable records keep their bytes.
  value: Buffer.from([0x7b, 0x22, 0xff]),
  headers: {
    'event-id': 'e-1',
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  },
};
const failure = {
  code: 'SERDE_UNKNOWN_MAGIC_BYTE',
  message: "Cannot read 'Erika Mustermann': unknown magic byte 123",
  attempts: 1,
  firstFailureAt: new Date('2026-12-02T08:00:00.000Z'),
  lastFailureAt: new Date('2026-12-02T08:00:01.000Z'),
};

/** The kit's dead letter as a reader gets it back from the broker. */
function writtenAndRead(): DeadLetter {
  const message = deadLetter('xbau-connector.delivery-requested', source, failure);
  return {
    id: 'dlq.xbau-connector.delivery-requested:0:9',
    topic: 'dlq.xbau-connector.delivery-requested',
    key: message.key as Buffer,
    value: message.value as Buffer,
    headers: textHeaders(message.headers),
  };
}

describe('the dead-letter format (kit writer → dead-letter readers)', () => {
  it('keeps the source record byte for byte and says where from and why in headers', () => {
    const letter = writtenAndRead();
    expect(letter.key).toEqual(source.key);
    expect(letter.value).toEqual(source.value);
    expect(contextOf(letter.headers)).toEqual({
      group: 'xbau-connector.delivery-requested',
      sourceTopic: 'procedure.delivery-requested.v1',
      sourcePartition: 4,
      sourceOffset: '1234',
      errorCode: 'SERDE_UNKNOWN_MAGIC_BYTE',
      errorMessage: expect.not.stringContaining('Erika') as string,
      attempts: 1,
      firstFailureAt: failure.firstFailureAt,
      lastFailureAt: failure.lastFailureAt,
    });
  });

  it('replays to the source topic exactly what arrived, with its event id and trace', () => {
    const { topic, message } = replayOf(writtenAndRead());
    expect(topic).toBe(source.topic);
    expect(message.key).toEqual(source.key);
    expect(message.value).toEqual(source.value);
    expect(message.headers).toEqual({ ...source.headers, 'replay-count': '1' });
    expect(selects({ code: 'SERDE_UNKNOWN_MAGIC_BYTE' }, writtenAndRead())).toBe(true);
  });

  it('reads a letter without dlq headers as unknown context, not as garbage', () => {
    expect(contextOf({ 'dlq-attempts': 'many', 'dlq-last-failure-at': 'yesterday' })).toEqual({
      group: undefined,
      sourceTopic: undefined,
      sourcePartition: undefined,
      sourceOffset: undefined,
      errorCode: undefined,
      errorMessage: undefined,
      attempts: undefined,
      firstFailureAt: undefined,
      lastFailureAt: undefined,
    });
  });
});
