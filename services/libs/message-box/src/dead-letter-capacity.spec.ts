import { describe, expect, it } from 'vitest';
import { kafkaDefaultMaxMessageBytes, valueCapacity } from './dead-letter-capacity.js';

describe('valueCapacity', () => {
  it.each([
    ['the Kafka default (1 MB)', kafkaDefaultMaxMessageBytes, 1_032_204],
    ['a topic raised to 10 MB', 10 * 1024 * 1024, 10 * 1024 * 1024 - 16 * 1024],
    ['a topic smaller than the envelope', 1_000, 0],
  ])('given %s, then a dead-letter value leaves room for key and headers', (_, max, expected) => {
    expect(valueCapacity(max)).toBe(expected);
  });
});
