import type pg from 'pg';
import { migrate, type PoolStore } from '@hub/kit';
import { xbauConnectorMigrations } from '../migrations.js';

/** One message of one consumer group (the ledger's scope: each group sends on its own). */
export interface XtaSendKey {
  readonly consumerGroup: string;
  readonly nachrichtenUUID: string;
}

/** What an earlier attempt left of one message's sending. */
export interface EarlierSend {
  readonly xtaMessageId: string;
  /** The server answered sendMessage: the message is there. */
  readonly sent: boolean;
}

/**
 * Under which XTA message id each XÖV message (by nachrichtenUUID) goes out, and whether the
 * server answered its sendMessage. Written before the send, so that an attempt whose sendMessage
 * went unanswered (timeout, connection cut, process killed) leaves the id to ask about.
 */
export class XtaSendLog implements PoolStore {
  constructor(private readonly pool: pg.Pool) {}

  async migrate(): Promise<void> {
    await migrate(this.pool, [xbauConnectorMigrations]);
  }

  async recall(key: XtaSendKey): Promise<EarlierSend | undefined> {
    const { rows } = await this.pool.query<{ xta_message_id: string; sent: boolean }>(
      `select xta_message_id, sent_at is not null as sent from xbau_connector_xta_sends
        where consumer_group = $1 and nachrichten_uuid = $2`,
      [key.consumerGroup, key.nachrichtenUUID],
    );
    const row = rows[0];
    return row && { xtaMessageId: row.xta_message_id, sent: row.sent };
  }

  /** Records the id the next sendMessage uses (replacing one the server does not know). */
  async sendingAs(key: XtaSendKey, xtaMessageId: string): Promise<void> {
    await this.pool.query(
      `insert into xbau_connector_xta_sends (consumer_group, nachrichten_uuid, xta_message_id)
       values ($1, $2, $3)
       on conflict (consumer_group, nachrichten_uuid) do update
         set xta_message_id = excluded.xta_message_id, sent_at = null, recorded_at = now()`,
      [key.consumerGroup, key.nachrichtenUUID, xtaMessageId],
    );
  }

  async sent(key: XtaSendKey): Promise<void> {
    await this.pool.query(
      `update xbau_connector_xta_sends set sent_at = coalesce(sent_at, now())
        where consumer_group = $1 and nachrichten_uuid = $2`,
      [key.consumerGroup, key.nachrichtenUUID],
    );
  }
}
