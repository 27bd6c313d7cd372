import type { z } from 'zod';
import { inClientSpan } from '@hub/kit';
import { amountFromWire, amountToWire, isDecimalAmount } from './amount.js';
import { authenticatorFor, type Authenticator } from './authenticator.js';
import { exchange } from './http-exchange.js';
import { errorForStatus } from './http-status.js';
import { resolveAgainst, transactionPath, transactionsPath } from './paths.js';
import { parseJsonOrUndefined } from './parse-json.js';
import { paymentError } from './payment-errors.js';
import type { ProviderProfile } from './provider-profile.js';
import { toPaymentRequest } from './to-payment-request.js';
import type {
  CreatedTransaction,
  CreateTransactionInput,
  RefundInput,
  RefundReceipt,
  TransactionState,
} from './types.js';
import {
  wirePaymentTransactionSchema,
  wireRefundSchema,
  type WirePaymentTransaction,
  type WireRefundRequest,
} from './wire.js';

export interface XBezahldiensteClientOptions {
  /** The clock for requestTimestamp; tests pin it. */
  readonly now?: () => Date;
}

/**
 * The outbound port to one XBezahldienste provider. Every failure is a HubError whose code and
 * `retryable` flag are decided here (see payment-errors.ts); every write carries the caller's
 * deterministic requestId, so repeating a call after a retryable error is always safe.
 */
export class XBezahldiensteClient {
  private readonly authenticator: Authenticator;
  private readonly now: () => Date;

  constructor(
    private readonly profile: ProviderProfile,
    options: XBezahldiensteClientOptions = {},
  ) {
    this.authenticator = authenticatorFor(profile.auth, profile.timeoutMs);
    this.now = options.now ?? (() => new Date());
  }

  /** `POST paymenttransaction/{originatorId}/{endpointId}`; the same requestId gives the same transaction. */
  async createTransaction(input: CreateTransactionInput): Promise<CreatedTransaction> {
    const body = toPaymentRequest(input, this.profile.paymentMethods, this.now());
    const path = transactionsPath(this.profile);
    const transaction = await this.call(
      'createTransaction',
      'POST',
      path,
      body,
      wirePaymentTransactionSchema,
    );
    const { transactionId, transactionUrl, status } = transaction.paymentInformation;
    if (transactionUrl === undefined) {
      throw paymentError('PAYMENT_PROVIDER_BAD_RESPONSE', `POST ${path}: no pay page URL`);
    }
    return { transactionId, payPageUrl: transactionUrl, status };
  }

  /** `GET …/{transactionId}`: the only source of truth for the outcome of a payment. */
  async getTransaction(transactionId: string): Promise<TransactionState> {
    const path = transactionPath(this.profile, transactionId);
    return toState(
      await this.call('getTransaction', 'GET', path, undefined, wirePaymentTransactionSchema),
    );
  }

  /** Withdraws an unpaid transaction; a paid one answers PAYMENT_TRANSACTION_CONFLICT. */
  async cancelTransaction(transactionId: string): Promise<TransactionState> {
    const path = `${transactionPath(this.profile, transactionId)}/cancel`;
    return toState(
      await this.call('cancelTransaction', 'POST', path, {}, wirePaymentTransactionSchema),
    );
  }

  /** Pays back (part of) a paid transaction; the same requestId refunds once. */
  async refundTransaction(transactionId: string, input: RefundInput): Promise<RefundReceipt> {
    if (!isDecimalAmount(input.amount)) {
      throw paymentError(
        'PAYMENT_REQUEST_INVALID',
        `amount '${input.amount}' is not a decimal like 12.50`,
      );
    }
    const body: WireRefundRequest = {
      requestId: input.requestId,
      amount: amountToWire(input.amount),
      ...(input.reason === undefined ? {} : { reason: input.reason }),
    };
    const path = `${transactionPath(this.profile, transactionId)}/refund`;
    const refund = await this.call('refundTransaction', 'POST', path, body, wireRefundSchema);
    return {
      refundId: refund.refundId,
      transactionId: refund.transactionId,
      amount: amountFromWire(refund.amount),
    };
  }

  /** Releases the TLS agent's sockets, if any. */
  close(): void {
    this.authenticator.close();
  }

  private async call<Schema extends z.ZodType>(
    operation: string,
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: Schema,
  ): Promise<z.output<Schema>> {
    const what = `${method} ${path}`;
    const call = { operation, method, path, body, what };
    let reply = await this.send(call);
    if ((reply.status === 401 || reply.status === 403) && this.authenticator.renewAfterRefusal()) {
      reply = await this.send(call);
    }
    if (reply.status < 200 || reply.status >= 300) throw errorForStatus(reply.status, what);
    const parsed = schema.safeParse(parseJsonOrUndefined(reply.body));
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
      throw paymentError('PAYMENT_PROVIDER_BAD_RESPONSE', `${what}: unexpected reply (${fields})`);
    }
    return parsed.data;
  }

  /** One exchange in a CLIENT span; the provider gets the trace context in its headers. */
  private async send(call: {
    operation: string;
    method: 'GET' | 'POST';
    path: string;
    body: unknown;
    what: string;
  }) {
    const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
    const url = resolveAgainst(this.profile.baseUrl, call.path);
    const { operation, method } = call;
    return inClientSpan({ operation, method, url, protocol: 'http' }, async (traceHeaders) =>
      exchange({
        method,
        url,
        headers: {
          accept: 'application/json',
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...traceHeaders,
          ...(await this.authenticator.headers()),
        },
        body: payload,
        timeoutMs: this.profile.timeoutMs,
        agent: this.authenticator.agent,
        what: call.what,
      }),
    );
  }
}

function toState(transaction: WirePaymentTransaction): TransactionState {
  const information = transaction.paymentInformation;
  const request = transaction.paymentRequest;
  return {
    transactionId: information.transactionId,
    status: information.status,
    ...(request === undefined
      ? {}
      : { requestId: request.requestId, amount: amountFromWire(request.grosAmount) }),
    ...(information.paymentMethod === undefined
      ? {}
      : { paymentMethod: information.paymentMethod }),
  };
}
