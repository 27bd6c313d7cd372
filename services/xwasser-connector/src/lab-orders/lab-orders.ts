import type pg from 'pg';
import { migrate } from '@hub/kit';
import { xwasserConnectorMigrations } from '../migrations.js';
import type { LabOrder } from './to-lab-order.js';

/** The application a lab report belongs to, and the trace its events continue. */
export interface OrderedFor {
  readonly applicationId: string;
  readonly traceparent?: string;
}

/**
 * The examinations ordered for citizens' applications (xwasser_connector_orders), written before
 * the order leaves: the report may come back before the ordering handler is done.
 */
export class LabOrders {
  constructor(private readonly pool: pg.Pool) {}

  /** Applies this service's versioned migrations (the folder `migrations/`). */
  async migrate(): Promise<void> {
    await migrate(this.pool, [xwasserConnectorMigrations]);
  }

  /** Idempotent: a redelivered request records the same order again. */
  async remember(order: LabOrder, applicationId: string, traceparent?: string): Promise<void> {
    await this.pool.query(
      `insert into xwasser_connector_orders (order_id, case_id, application_id, traceparent)
       values ($1, $2, $3, $4) on conflict (order_id) do nothing`,
      [order.orderId, order.caseId, applicationId, traceparent ?? null],
    );
  }

  /**
   * Whom the report of `caseId` is for: only a report naming the order's own number (auftrags-
   * nummer) speaks for the citizen; undefined for an examination the office ordered itself.
   */
  async orderedFor(caseId: string, orderNumber: string): Promise<OrderedFor | undefined> {
    const { rows } = await this.pool.query<{ application_id: string; traceparent: string | null }>(
      `select application_id, traceparent from xwasser_connector_orders
       where case_id = $1 and order_id::text = $2`,
      [caseId, orderNumber],
    );
    const [row] = rows;
    if (!row) return undefined;
    return {
      applicationId: row.application_id,
      ...(row.traceparent ? { traceparent: row.traceparent } : {}),
    };
  }
}
