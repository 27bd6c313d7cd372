import { describe, expect, it } from 'vitest';
import { HubError } from '@hub/errors';
import { isDatabaseUnreachable } from './database-unreachable.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnreachable', () => {
  it.each([
    ['refused', withCode('ECONNREFUSED')],
    ['reset', withCode('ECONNRESET')],
    ['fast shutdown', withCode('57P01', 'terminating connection due to administrator command')],
    ['starting up', withCode('57P03', 'the database system is starting up')],
    ['connection exception', withCode('08006')],
    ['lost by the driver', new Error('Connection terminated unexpectedly')],
    ['broken client', new Error('Client has encountered a connection error and is not queryable')],
    [
      'wrapped',
      new HubError('STORE_FAILED', 'x', { retryable: true, cause: withCode('ECONNREFUSED') }),
    ],
    ['both addresses refused', new AggregateError([withCode('ECONNREFUSED')], 'refused')],
  ])('says yes when the database is %s', (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value')],
    ['a syntax error', withCode('42601', 'syntax error')],
    ['a serialization failure', withCode('40001')],
    ['a plain error', new Error('boom')],
    ['not an error', 'ECONNREFUSED'],
  ])('says no for %s', (_name, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});
