import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, redirect, sendHtml } from './http-io.js';
import {
  isPayPageAction,
  offeredPaymentMethods,
  PAY_PAGE_ACTIONS,
  renderPayPage,
} from './pay-page.js';
import { reportedStatus, type SimulatorContext } from './simulator-context.js';

/**
 * `GET /pay/{transactionId}` shows the page; `POST` with `action=pay|cancel|fail` concludes the
 * transaction, notifies, and sends the citizen back to the redirectUrl (303), as a provider does.
 * A second click after the outcome changes nothing and just sends the citizen back again.
 */
export async function handlePayPage(
  context: SimulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  transactionId: string,
): Promise<void> {
  const transaction = context.store.get(transactionId);
  if (!transaction) {
    sendHtml(response, 404, '<!doctype html><p>Unbekannte Zahlung</p>');
    return;
  }
  if (request.method === 'GET') {
    sendHtml(response, 200, renderPayPage(transaction, reportedStatus(context, transaction)));
    return;
  }
  if (request.method !== 'POST') {
    sendHtml(response, 405, '<!doctype html><p>GET or POST</p>');
    return;
  }

  const form = new URLSearchParams((await readBody(request)).toString('utf8'));
  const action = form.get('action');
  if (!isPayPageAction(action)) {
    sendHtml(response, 400, '<!doctype html><p>Unbekannte Aktion</p>');
    return;
  }
  const method = form.get('paymentMethod') ?? undefined;
  if (
    action === 'pay' &&
    (method === undefined || !offeredPaymentMethods(transaction).includes(method))
  ) {
    sendHtml(response, 400, '<!doctype html><p>Zahlungsart nicht angeboten</p>');
    return;
  }
  const status = PAY_PAGE_ACTIONS[action];
  const paidWith = action === 'pay' ? method : undefined;
  if (context.store.conclude(transaction, status, new Date(), paidWith)) {
    context.notifier.notify(transaction, reportedStatus(context, transaction));
  }
  redirect(response, transaction.request.redirectUrl);
}
