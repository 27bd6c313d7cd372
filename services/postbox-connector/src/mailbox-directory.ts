import type pg from 'pg';
import { HubError } from '@hub/errors';

/** Which postbox belongs to which application, as the submission said. */
export class MailboxDirectory {
  constructor(private readonly pool: pg.Pool) {}

  /** In the ledger's transaction; the first submission's handle wins, a redelivery changes nothing. */
  async remember(tx: pg.PoolClient, applicationId: string, mailboxUuid: string): Promise<void> {
    await tx.query(
      `insert into postbox_connector_mailboxes (application_id, mailbox_uuid) values ($1, $2)
       on conflict (application_id) do nothing`,
      [applicationId, mailboxUuid],
    );
  }

  async mailboxOf(applicationId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ mailbox_uuid: string }>(
      'select mailbox_uuid from postbox_connector_mailboxes where application_id = $1',
      [applicationId],
    );
    return rows[0]?.mailbox_uuid;
  }

  /**
   * The application's postbox, for a message to it. The submission is read by another handler;
   * until it has been, the message waits (retryable, no id logged).
   */
  async requireMailboxOf(applicationId: string): Promise<string> {
    const mailbox = await this.mailboxOf(applicationId);
    if (mailbox === undefined)
      throw new HubError('POSTBOX_MAILBOX_UNKNOWN', 'the application’s postbox is not known yet', {
        retryable: true,
      });
    return mailbox;
  }
}
