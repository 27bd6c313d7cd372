import type pg from 'pg';

/** What the connector has passed on; written in the ledger's transaction, beside its row. */
export class SentLog {
  async record(tx: pg.PoolClient, sent: { eventId: string; applicationId: string }): Promise<void> {
    await tx.query(
      'insert into example_connector_sent (event_id, application_id) values ($1, $2)',
      [sent.eventId, sent.applicationId],
    );
  }
}
