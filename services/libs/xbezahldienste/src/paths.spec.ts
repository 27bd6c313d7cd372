import { describe, expect, it } from 'vitest';
import { resolveAgainst, transactionPath, transactionsPath } from './paths.js';

describe('XBezahldienste paths', () => {
  const account = { originatorId: 'stadt-musterstadt', endpointId: 'bauamt/01' };

  it('encodes the ids so that no id can change the path', () => {
    expect(transactionsPath(account)).toBe('paymenttransaction/stadt-musterstadt/bauamt%2F01');
    expect(transactionPath(account, 'tx 1')).toBe(
      'paymenttransaction/stadt-musterstadt/bauamt%2F01/tx%201',
    );
  });

  it('keeps the base URL path prefix with or without a trailing slash', () => {
    for (const base of [
      'https://pay.example/konnektor/epayment',
      'https://pay.example/konnektor/epayment/',
    ]) {
      expect(resolveAgainst(base, 'paymenttransaction/a/b').href).toBe(
        'https://pay.example/konnektor/epayment/paymenttransaction/a/b',
      );
    }
  });
});
