import { amountFromWire } from '@hub/xbezahldienste';
import type { SimulatedTransaction } from './transaction-store.js';

/** What the citizen can do on the pay page, and the outcome each leads to. */
export const PAY_PAGE_ACTIONS = { pay: 'PAYED', cancel: 'CANCELED', fail: 'FAILED' } as const;
export type PayPageAction = keyof typeof PAY_PAGE_ACTIONS;

export function isPayPageAction(value: string | null): value is PayPageAction {
  return value !== null && Object.hasOwn(PAY_PAGE_ACTIONS, value);
}

/** Offered when the request names no payment methods. */
export const FALLBACK_PAYMENT_METHODS = ['OTHER'] as const;

export function offeredPaymentMethods(transaction: SimulatedTransaction): readonly string[] {
  const requested = transaction.request.paymentMethods ?? [];
  return requested.length > 0 ? requested : FALLBACK_PAYMENT_METHODS;
}

/**
 * PURE: the minimal pay page. Plain HTML forms (POST, no script) so that a test, a browser and curl
 * all pay the same way. Everything from the request is escaped: purpose and items are caller input.
 */
export function renderPayPage(transaction: SimulatedTransaction, reportedStatus: string): string {
  const { request } = transaction;
  const heading = `<h1>${escapeHtml(request.purpose)}</h1>
<p>Betrag: <strong>${amountFromWire(request.grosAmount)} ${escapeHtml(request.currency)}</strong></p>
<ul>${request.items.map((item) => `<li>${item.quantity} × ${escapeHtml(item.description)}: ${amountFromWire(item.totalNetAmount + item.totalTaxAmount)}</li>`).join('')}</ul>`;
  const body =
    transaction.status === 'INITIAL'
      ? `<form method="post">
<label>Zahlungsart <select name="paymentMethod">${offeredPaymentMethods(transaction)
          .map((method) => `<option value="${escapeHtml(method)}">${escapeHtml(method)}</option>`)
          .join('')}</select></label>
<button name="action" value="pay">Bezahlen</button>
<button name="action" value="cancel">Abbrechen</button>
<button name="action" value="fail">Fehlschlag simulieren</button>
</form>`
      : `<p>Status: <strong>${escapeHtml(reportedStatus)}</strong></p>
<p><a href="${escapeHtml(request.redirectUrl)}">Zurück zum Antrag</a></p>`;
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Bezahlseite (Simulator)</title></head>
<body>
${heading}
${body}
</body></html>`;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
