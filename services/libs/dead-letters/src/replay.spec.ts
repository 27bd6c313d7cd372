import { describe, expect, it } from 'vitest';
import { replayOf, selects } from './replay.js';

const letter = {
  id: 'dlq.svc.handler:0:7',
  topic: 'dlq.svc.handler',
  key: Buffer.from('app-1'),
  value: Buffer.from([0, 0, 0, 0, 1, 2]),
  headers: {
    'event-id': 'e1',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    'replay-count': '1',
    'dlq-source-topic': 'portal.application-submitted.v1',
    'dlq-error-code': 'XTA_DOWN',
    'dlq-attempts': '5',
  },
};

describe('replayOf', () => {
  it('re-publishes key, bytes, event id and trace to the source topic, counting the replay', () => {
    const { topic, message } = replayOf(letter);
    expect(topic).toBe('portal.application-submitted.v1');
    expect(message.key).toEqual(letter.key);
    expect(message.value).toEqual(letter.value);
    expect(message.headers).toEqual({
      'event-id': 'e1',
      traceparent: letter.headers.traceparent,
      'replay-count': '2',
    });
  });
});

describe('selects', () => {
  it('matches by id, error code or key', () => {
    expect(selects({ code: 'XTA_DOWN' }, letter)).toBe(true);
    expect(selects({ key: 'app-1' }, letter)).toBe(true);
    expect(selects({ id: 'dlq.svc.handler:0:8' }, letter)).toBe(false);
  });
});
