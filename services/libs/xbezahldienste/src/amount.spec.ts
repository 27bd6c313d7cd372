import { describe, expect, it } from 'vitest';
import {
  amountFromWire,
  amountToCents,
  amountToWire,
  centsToAmount,
  isDecimalAmount,
} from './amount.js';

describe('decimal amounts', () => {
  it.each(['0.00', '12.50', '999999999.99'])('accepts %s', (amount) => {
    expect(isDecimalAmount(amount)).toBe(true);
  });

  it.each(['12.5', '12', '012.50', '-1.00', '1,50', '1.505', ' 1.00'])('refuses %s', (amount) => {
    expect(isDecimalAmount(amount)).toBe(false);
  });

  it('counts whole cents', () => {
    expect(amountToCents('12.05')).toBe(1205);
    expect(centsToAmount(1205)).toBe('12.05');
    expect(centsToAmount(7)).toBe('0.07');
  });

  it('survives the JSON number on the wire without float drift', () => {
    for (const amount of ['0.10', '0.29', '19.99', '1234567.89']) {
      const wire: unknown = JSON.parse(JSON.stringify(amountToWire(amount)));
      expect(amountFromWire(wire as number)).toBe(amount);
    }
  });
});
