import { describe, expect, it } from 'vitest';
import { escapeHtml, isPayPageAction, renderPayPage } from './pay-page.js';
import type { SimulatedTransaction } from './transaction-store.js';

function transaction(overrides: Partial<SimulatedTransaction> = {}): SimulatedTransaction {
  return {
    transactionId: 'tx-1',
    account: { originatorId: 'o', endpointId: 'e' },
    createdAt: '2026-11-24T10:00:00.000Z',
    updatedAt: '2026-11-24T10:00:00.000Z',
    status: 'INITIAL',
    refunds: [],
    request: {
      requestId: 'req-1',
      requestTimestamp: '2026-11-24T10:00:00.000Z',
      currency: 'EUR',
      grosAmount: 12.5,
      purpose: 'Gebühr <script>alert(1)</script>',
      redirectUrl: 'https://portal.example/return?a=1&b=2',
      paymentMethods: ['CREDITCARD', 'PAYPAL'],
      items: [
        { id: '1', description: 'Auslagen', quantity: 1, totalNetAmount: 12.5, totalTaxAmount: 0 },
      ],
    },
    ...overrides,
  };
}

describe('renderPayPage', () => {
  it('offers pay, cancel and fail with the requested payment methods while INITIAL', () => {
    const html = renderPayPage(transaction(), 'INITIAL');
    expect(html).toContain('<option value="CREDITCARD">');
    expect(html).toContain('<option value="PAYPAL">');
    for (const action of ['pay', 'cancel', 'fail']) {
      expect(html).toContain(`name="action" value="${action}"`);
    }
    expect(html).toContain('12.50 EUR');
  });

  it('escapes caller input', () => {
    const html = renderPayPage(transaction(), 'INITIAL');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('shows the outcome and the way back once concluded', () => {
    const html = renderPayPage(transaction({ status: 'PAYED' }), 'PAYED');
    expect(html).not.toContain('<form');
    expect(html).toContain('<strong>PAYED</strong>');
    expect(html).toContain('href="https://portal.example/return?a=1&amp;b=2"');
  });
});

describe('pay page helpers', () => {
  it('knows exactly the three actions', () => {
    expect(['pay', 'cancel', 'fail', 'toString', null].map(isPayPageAction)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('escapes all five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
