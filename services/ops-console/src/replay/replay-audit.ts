import type pg from 'pg';

/** One replay as the audit keeps it: who, what (dead letter and event), where to, when. */
export interface ReplayRecord {
  readonly operator: string;
  readonly deadLetterId: string;
  readonly dlqTopic: string;
  readonly dlqPartition: number;
  readonly dlqOffset: string;
  readonly eventId: string | undefined;
  readonly applicationId: string | undefined;
  readonly targetTopic: string;
}

export interface AuditedReplay extends ReplayRecord {
  readonly replayedAt: Date;
}

interface ReplayRow {
  replayed_at: Date;
  operator: string;
  dead_letter_id: string;
  dlq_topic: string;
  dlq_partition: number;
  dlq_offset: string;
  event_id: string | null;
  application_id: string | null;
  target_topic: string;
}

function fromRow(row: ReplayRow): AuditedReplay {
  return {
    replayedAt: row.replayed_at,
    operator: row.operator,
    deadLetterId: row.dead_letter_id,
    dlqTopic: row.dlq_topic,
    dlqPartition: row.dlq_partition,
    dlqOffset: row.dlq_offset,
    eventId: row.event_id ?? undefined,
    applicationId: row.application_id ?? undefined,
    targetTopic: row.target_topic,
  };
}

/** The append-only audit of replays (table from migrations/0001_replay-audit.sql). */
export class ReplayAudit {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * Writes the audit row and runs `replay` in one transaction: a replay that fails leaves no row,
   * and no replay happens unless its row could be written.
   */
  async record(replay: ReplayRecord, perform: () => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query(
        `insert into ops_console_replays
           (operator, dead_letter_id, dlq_topic, dlq_partition, dlq_offset, event_id, application_id, target_topic)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          replay.operator,
          replay.deadLetterId,
          replay.dlqTopic,
          replay.dlqPartition,
          replay.dlqOffset,
          replay.eventId ?? null,
          replay.applicationId ?? null,
          replay.targetTopic,
        ],
      );
      await perform();
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  }

  async latest(limit = 200): Promise<AuditedReplay[]> {
    const { rows } = await this.pool.query<ReplayRow>(
      'select * from ops_console_replays order by id desc limit $1',
      [limit],
    );
    return rows.map(fromRow);
  }

  /** Dead-letter id → how often it was replayed, for the workbench's "already replayed" mark. */
  async replayCounts(deadLetterIds: readonly string[]): Promise<Map<string, number>> {
    if (deadLetterIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ dead_letter_id: string; replays: string }>(
      `select dead_letter_id, count(*) as replays from ops_console_replays
       where dead_letter_id = any($1) group by dead_letter_id`,
      [deadLetterIds],
    );
    return new Map(rows.map((row) => [row.dead_letter_id, Number(row.replays)]));
  }
}
