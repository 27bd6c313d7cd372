// Generated from contracts/schemas/common/money.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

/**
 * An amount of money in a currency; exact, never a binary float.
 */
export interface Money {
  /**
   * The amount with two fraction digits, e.g. 12.50.
   */
  readonly amount: string;
  /**
   * The currency of the amount; German municipalities charge in EUR.
   */
  readonly currency: Currency;
}

/**
 * ISO 4217 currency code.
 */
export type Currency = 'EUR' | 'UNKNOWN';
