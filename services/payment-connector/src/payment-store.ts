import type pg from 'pg';
import { migrate } from '@hub/kit';
import { paymentConnectorMigrations } from './migrations.js';

/**
 * REQUESTED → LINK_ISSUED → SETTLED → REFUNDED, or LINK_ISSUED → FAILED. Every move is one guarded
 * UPDATE (`where state = any(from)`): of two concurrent checks that saw the same outcome, only one
 * moves the row, and only that one publishes. The table is also the source of the reconcile report.
 */
export type PaymentState = 'REQUESTED' | 'LINK_ISSUED' | 'SETTLED' | 'FAILED' | 'REFUNDED';

export interface Payment {
  readonly paymentId: string;
  readonly applicationId: string;
  readonly requestId: string;
  readonly provider: string;
  readonly state: PaymentState;
  /** Decimal with two places, e.g. '62.50'. */
  readonly amount: string;
  readonly currency: string;
  readonly providerTransactionId: string | null;
  readonly payPageUrl: string | null;
  readonly providerStatus: string | null;
  readonly paymentMethod: string | null;
  readonly failureReason: string | null;
  readonly refundId: string | null;
  readonly requestedAt: Date;
  readonly linkIssuedAt: Date | null;
  readonly settledAt: Date | null;
  readonly failedAt: Date | null;
  readonly refundedAt: Date | null;
  /** W3C trace context of the request, so outcomes found later join the application's trace. */
  readonly traceparent: string | null;
}

export const paymentsTable = 'payment_connector_payments';

const columns = `payment_id as "paymentId", application_id as "applicationId", request_id as "requestId",
  provider, state, amount::text as amount, currency, provider_transaction_id as "providerTransactionId",
  pay_page_url as "payPageUrl", provider_status as "providerStatus", payment_method as "paymentMethod",
  failure_reason as "failureReason", refund_id as "refundId", requested_at as "requestedAt",
  link_issued_at as "linkIssuedAt", settled_at as "settledAt", failed_at as "failedAt",
  refunded_at as "refundedAt", traceparent`;

/** Columns a transition may set, by their property name. */
const settable = {
  providerTransactionId: 'provider_transaction_id',
  payPageUrl: 'pay_page_url',
  providerStatus: 'provider_status',
  paymentMethod: 'payment_method',
  failureReason: 'failure_reason',
  refundId: 'refund_id',
  amount: 'amount',
  linkIssuedAt: 'link_issued_at',
  settledAt: 'settled_at',
  failedAt: 'failed_at',
  refundedAt: 'refunded_at',
} as const;
export type PaymentChanges = Partial<Record<keyof typeof settable, string | Date | null>>;

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

export class PaymentStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Applies this service's versioned migrations (the folder `migrations/`). */
  async migrate(): Promise<void> {
    await migrate(this.pool, [paymentConnectorMigrations]);
  }

  /** Records the request before the provider is called; a repeat changes nothing. */
  async recordRequested(
    payment: Pick<
      Payment,
      | 'paymentId'
      | 'applicationId'
      | 'requestId'
      | 'provider'
      | 'amount'
      | 'currency'
      | 'requestedAt'
      | 'traceparent'
    >,
  ): Promise<void> {
    await this.pool.query(
      `insert into ${paymentsTable}
         (payment_id, application_id, request_id, provider, state, amount, currency, requested_at,
          traceparent)
       values ($1, $2, $3, $4, 'REQUESTED', $5, $6, $7, $8)
       on conflict (payment_id) do nothing`,
      [
        payment.paymentId,
        payment.applicationId,
        payment.requestId,
        payment.provider,
        payment.amount,
        payment.currency,
        payment.requestedAt,
        payment.traceparent,
      ],
    );
  }

  /** Moves the payment from one of `from` to `to`; undefined when another move came first. */
  async transition(
    tx: Queryable,
    paymentId: string,
    from: readonly PaymentState[],
    to: PaymentState,
    changes: PaymentChanges,
  ): Promise<Payment | undefined> {
    const entries = Object.entries(changes) as [keyof typeof settable, string | Date | null][];
    const assignments = entries.map(([key], index) => `${settable[key]} = $${index + 4}`);
    const { rows } = await tx.query<Payment>(
      `update ${paymentsTable}
         set state = $3, updated_at = now()${assignments.map((a) => `, ${a}`).join('')}
       where payment_id = $1 and state = any($2::text[])
       returning ${columns}`,
      [paymentId, from, to, ...entries.map(([, value]) => value)],
    );
    return rows[0];
  }

  /** Notes that the provider still reports an open status, so the poller turns to others first. */
  async markChecked(paymentId: string, providerStatus: string): Promise<void> {
    await this.pool.query(
      `update ${paymentsTable} set last_checked_at = now(), provider_status = $2 where payment_id = $1`,
      [paymentId, providerStatus],
    );
  }

  async get(paymentId: string): Promise<Payment | undefined> {
    const { rows } = await this.pool.query<Payment>(
      `select ${columns} from ${paymentsTable} where payment_id = $1`,
      [paymentId],
    );
    return rows[0];
  }

  /** By the provider's transaction id, or else by our requestId (a notification carries both). */
  async findByProviderIds(
    transactionId: string,
    requestId: string | undefined,
  ): Promise<Payment | undefined> {
    const { rows } = await this.pool.query<Payment>(
      `select ${columns} from ${paymentsTable}
       where provider_transaction_id = $1 or request_id::text = $2 limit 1`,
      [transactionId, requestId ?? ''],
    );
    return rows[0];
  }

  async ofApplication(applicationId: string): Promise<Payment[]> {
    const { rows } = await this.pool.query<Payment>(
      `select ${columns} from ${paymentsTable} where application_id = $1 order by requested_at`,
      [applicationId],
    );
    return rows;
  }

  /** Open transactions of this provider whose link is older than `linkedBefore`, least recently checked first. */
  async dueForCheck(provider: string, linkedBefore: Date, limit: number): Promise<Payment[]> {
    const { rows } = await this.pool.query<Payment>(
      `select ${columns} from ${paymentsTable}
       where state = 'LINK_ISSUED' and provider = $1 and link_issued_at < $2
       order by last_checked_at nulls first, link_issued_at
       limit $3`,
      [provider, linkedBefore, limit],
    );
    return rows;
  }

  /** Runs `work` in one transaction: its publication and the state move commit together or not at all. */
  async inTransaction<T>(work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
    const tx = await this.pool.connect();
    try {
      await tx.query('begin');
      const result = await work(tx);
      await tx.query('commit');
      return result;
    } catch (error) {
      await tx.query('rollback');
      throw error;
    } finally {
      tx.release();
    }
  }
}
