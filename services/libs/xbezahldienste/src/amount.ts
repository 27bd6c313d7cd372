/**
 * Money travels through the hub as a decimal string with exactly two places ('12.50'), never as a
 * float: arithmetic happens in whole cents, and only the wire format turns it into a JSON number.
 */
export type DecimalAmount = string;

const DECIMAL_AMOUNT = /^(0|[1-9]\d{0,8})\.\d{2}$/;

export function isDecimalAmount(value: string): boolean {
  return DECIMAL_AMOUNT.test(value);
}

/** Whole cents of a valid decimal amount; callers check `isDecimalAmount` first. */
export function amountToCents(amount: DecimalAmount): number {
  const [euros = '0', cents = '0'] = amount.split('.');
  return Number(euros) * 100 + Number(cents);
}

export function centsToAmount(cents: number): DecimalAmount {
  const euros = Math.trunc(cents / 100);
  return `${euros}.${String(cents % 100).padStart(2, '0')}`;
}

/** XBezahldienste carries amounts as JSON numbers; two decimal places survive the round trip. */
export function amountToWire(amount: DecimalAmount): number {
  return amountToCents(amount) / 100;
}

export function amountFromWire(value: number): DecimalAmount {
  return centsToAmount(Math.round(value * 100));
}
