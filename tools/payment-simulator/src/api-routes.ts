import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import {
  amountToCents,
  amountFromWire,
  wirePaymentRequestSchema,
  wireRefundRequestSchema,
  type ProviderAccount,
  type WirePaymentRequest,
  type WirePaymentTransaction,
  type WireRefund,
} from '@hub/xbezahldienste';
import { parseJsonBody, readBody, sendJson, sendProblem } from './http-io.js';
import { payPageUrl, reportedStatus, type SimulatorContext } from './simulator-context.js';
import type { SimulatedTransaction } from './transaction-store.js';

/**
 * The XBezahldienste REST API under `/paymenttransaction/…` (paths in @hub/xbezahldienste paths.ts).
 * Faults apply here and only here: latency first, then injected failures, then the real work.
 */
export async function handleApi(
  context: SimulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  segments: readonly string[],
): Promise<void> {
  const { latencyMs } = context.faults.current();
  if (latencyMs > 0) await delay(latencyMs);
  const failure = context.faults.takeFailure();
  if (failure !== undefined) {
    sendProblem(response, failure, 'injected failure');
    return;
  }
  if (!context.auth.allows(request)) {
    sendProblem(response, 401, 'not authenticated');
    return;
  }

  const [originatorId, endpointId, transactionId, action] = segments;
  if (originatorId === undefined || endpointId === undefined || segments.length > 4) {
    sendProblem(response, 404, 'no such resource');
    return;
  }
  const account = { originatorId, endpointId };
  if (transactionId === undefined) {
    if (request.method === 'POST') await create(context, account, request, response);
    else sendProblem(response, 405, 'POST only');
    return;
  }
  const transaction = context.store.find(account, transactionId);
  if (!transaction) {
    sendProblem(response, 404, 'unknown transaction');
    return;
  }
  if (action === undefined && request.method === 'GET') {
    sendJson(response, 200, toWire(context, transaction));
    return;
  }
  if (action === 'cancel' && request.method === 'POST') {
    cancel(context, transaction, response);
    return;
  }
  if (action === 'refund' && request.method === 'POST') {
    return refund(context, transaction, request, response);
  }
  sendProblem(response, 405, 'method not allowed');
}

async function create(
  context: SimulatorContext,
  account: ProviderAccount,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const parsed = wirePaymentRequestSchema.safeParse(parseJsonBody(await readBody(request)));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)');
    sendProblem(response, 400, `invalid PaymentRequest: ${fields.join(', ')}`);
    return;
  }
  if (!itemsAddUp(parsed.data)) {
    sendProblem(response, 400, 'items do not add up to grosAmount');
    return;
  }
  const outcome = context.store.create(account, parsed.data, new Date());
  if (outcome.kind === 'conflict') {
    sendProblem(response, 409, 'requestId reused for another payment');
    return;
  }
  // The acceptance case: the transaction exists now, but the caller never hears of it.
  if (context.faults.takeCreateTimeout()) return;
  sendJson(response, outcome.kind === 'created' ? 201 : 200, toWire(context, outcome.transaction));
}

function cancel(
  context: SimulatorContext,
  transaction: SimulatedTransaction,
  response: ServerResponse,
): void {
  if (context.store.conclude(transaction, 'CANCELED', new Date())) {
    context.notifier.notify(transaction, reportedStatus(context, transaction));
  }
  if (transaction.status !== 'CANCELED') {
    sendProblem(response, 409, `transaction is ${transaction.status}`);
    return;
  }
  sendJson(response, 200, toWire(context, transaction));
}

async function refund(
  context: SimulatorContext,
  transaction: SimulatedTransaction,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const parsed = wireRefundRequestSchema.safeParse(parseJsonBody(await readBody(request)));
  if (!parsed.success) {
    sendProblem(response, 400, 'invalid refund request');
    return;
  }
  const cents = amountToCents(amountFromWire(parsed.data.amount));
  const outcome = context.store.refund(transaction, parsed.data.requestId, cents);
  if (outcome.kind === 'conflict') {
    sendProblem(response, 409, outcome.reason);
    return;
  }
  const body: WireRefund = {
    refundId: outcome.refund.refundId,
    requestId: outcome.refund.requestId,
    transactionId: transaction.transactionId,
    amount: parsed.data.amount,
    status: 'REFUNDED',
  };
  sendJson(response, outcome.kind === 'refunded' ? 201 : 200, body);
}

function itemsAddUp(request: WirePaymentRequest): boolean {
  const cents = (amount: number) => amountToCents(amountFromWire(amount));
  const itemCents = request.items.reduce(
    (sum, item) => sum + cents(item.totalNetAmount) + cents(item.totalTaxAmount),
    0,
  );
  return itemCents === cents(request.grosAmount);
}

function toWire(
  context: SimulatorContext,
  transaction: SimulatedTransaction,
): WirePaymentTransaction {
  return {
    paymentRequest: transaction.request,
    paymentInformation: {
      transactionId: transaction.transactionId,
      transactionUrl: payPageUrl(context, transaction.transactionId),
      transactionTimestamp: transaction.updatedAt,
      ...(transaction.paymentMethod === undefined
        ? {}
        : { paymentMethod: transaction.paymentMethod }),
      status: reportedStatus(context, transaction),
    },
  };
}
