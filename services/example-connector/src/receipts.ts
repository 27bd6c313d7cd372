import type { PoolClient } from 'pg';

/** The connector's effect: a receipt per application, written in the ledger's transaction. */
export async function recordReceipt(
  tx: PoolClient,
  receipt: { receiptId: string; applicationId: string; serviceKey: string },
): Promise<void> {
  await tx.query(
    'insert into example_receipts (receipt_id, application_id, service_key) values ($1, $2, $3)',
    [receipt.receiptId, receipt.applicationId, receipt.serviceKey],
  );
}

export const receiptsTable = `create table if not exists example_receipts (
  receipt_id uuid primary key,
  application_id text not null,
  service_key text not null,
  received_at timestamptz not null default now())`;
