import type { Message } from 'kafkajs';
import { HubError } from '@hub/errors';
import { deadLetterHeaders, eventHeaders } from '@hub/kit';
import { contextOf } from './dead-letter-context.js';
import type { DeadLetter } from './read-dead-letters.js';

export interface ReplaySelector {
  readonly id?: string;
  readonly code?: string;
  readonly key?: string;
}

export function selects(selector: ReplaySelector, letter: DeadLetter): boolean {
  return (
    (selector.id === undefined || letter.id === selector.id) &&
    (selector.code === undefined || contextOf(letter.headers).errorCode === selector.code) &&
    (selector.key === undefined || letter.key?.toString() === selector.key)
  );
}

/**
 * The record to put back on the source topic: the original key, bytes and headers (event id and
 * trace context, so the effect stays idempotent and the trace continues), without the dead-letter
 * headers, with the replay count raised by one.
 */
export function replayOf(letter: DeadLetter): { topic: string; message: Message } {
  const topic = contextOf(letter.headers).sourceTopic;
  if (!topic)
    throw new HubError('DLQ_NO_SOURCE', `${letter.id} has no ${deadLetterHeaders.sourceTopic}.`, {
      retryable: false,
    });
  const dlqNames = new Set<string>(Object.values(deadLetterHeaders));
  const headers = Object.fromEntries(
    Object.entries(letter.headers).filter(([name]) => !dlqNames.has(name)),
  );
  const replays = Number(letter.headers[eventHeaders.replayCount] ?? '0') + 1;
  return {
    topic,
    message: {
      key: letter.key,
      value: letter.value,
      headers: { ...headers, [eventHeaders.replayCount]: String(replays) },
    },
  };
}
