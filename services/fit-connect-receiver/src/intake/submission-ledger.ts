import type pg from 'pg';
import type { OpenedAttachment } from './open-submission.js';

export type LedgerState = 'pending' | 'published' | 'accepted' | 'rejected' | 'gone';

export interface LedgerEntry {
  readonly state: LedgerState;
  readonly applicationId: string | null;
}

/** The receiver's table of submissions (see migrations/0001_submissions.sql). */
export class SubmissionLedger {
  constructor(private readonly pool: pg.Pool) {}

  async entry(submissionId: string): Promise<LedgerEntry | undefined> {
    const { rows } = await this.pool.query<{ state: LedgerState; application_id: string | null }>(
      'select state, application_id from fit_connect_receiver_submissions where submission_id = $1',
      [submissionId],
    );
    const row = rows[0];
    return row && { state: row.state, applicationId: row.application_id };
  }

  /** Notes a submission as heard of; the first sighting starts its 14-day clock here. */
  async seen(submissionId: string, caseId: string): Promise<void> {
    await this.pool.query(
      `insert into fit_connect_receiver_submissions (submission_id, case_id, state)
       values ($1, $2, 'pending') on conflict (submission_id) do nothing`,
      [submissionId, caseId],
    );
  }

  /** The attachments' bytes and the published state with the application id, in one transaction. */
  async published(
    submissionId: string,
    applicationId: string,
    attachments: readonly OpenedAttachment[],
  ): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      for (const attachment of attachments) {
        await client.query(
          `insert into fit_connect_receiver_attachments (submission_id, attachment_id, media_type, content)
           values ($1, $2, $3, $4) on conflict do nothing`,
          [
            submissionId,
            attachment.attachmentId,
            attachment.mimeType,
            Buffer.from(attachment.content),
          ],
        );
      }
      await client.query(
        `update fit_connect_receiver_submissions set state = 'published', application_id = $2
         where submission_id = $1 and state = 'pending'`,
        [submissionId, applicationId],
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async decided(
    submissionId: string,
    state: 'accepted' | 'rejected' | 'gone',
    reason?: string,
  ): Promise<void> {
    await this.pool.query(
      `update fit_connect_receiver_submissions set state = $2, decided_at = now(), reject_reason = $3
       where submission_id = $1`,
      [submissionId, state, reason ?? null],
    );
  }

  /** Undecided submissions first seen before `before`: the ones the 14-day rule threatens. */
  async undecidedSince(before: Date): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      `select count(*) from fit_connect_receiver_submissions
       where state in ('pending', 'published') and first_seen_at < $1`,
      [before],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** Takes a callback signature once; false when it was taken before (a replay). */
  async firstUseOf(signature: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `insert into fit_connect_receiver_callbacks_seen (signature) values ($1) on conflict do nothing`,
      [signature],
    );
    return rowCount === 1;
  }

  /** Forgets signatures older than twice the callback window: those are refused as stale anyway. */
  async pruneCallbacks(): Promise<void> {
    await this.pool.query(
      `delete from fit_connect_receiver_callbacks_seen where seen_at < now() - interval '10 minutes'`,
    );
  }
}
