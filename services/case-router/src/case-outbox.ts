import type pg from 'pg';
import { eventTopics, schemaType } from '@hub/contracts';
import { HubError } from '@hub/errors';
import { KeyedQueue, type EventContext, type EventProducer } from '@hub/kit';

type TopicSpec = (typeof eventTopics)[number];

/** An event a decision publishes: its topic, the case's application id as key, its own id. */
export interface Outgoing {
  readonly spec: TopicSpec;
  readonly key: string;
  readonly value: unknown;
  readonly eventId: string;
}

/** The catalogue spec of a topic a decision sends to; one outside the catalogue is a bug. */
export function specOf(topic: string): TopicSpec {
  const spec = eventTopics.find((candidate) => candidate.name === topic);
  if (spec) return spec;
  throw new HubError('CASE_TOPIC_UNKNOWN', `${topic} is not in the topic catalogue.`, {
    retryable: false,
  });
}

interface OutboxRow {
  readonly event_id: string;
  readonly topic: string;
  readonly record_key: string;
  readonly value: Buffer;
}

/**
 * The router's transactional outbox (ADR 0028). A decision writes its events here in its own
 * transaction; they are published only after that transaction has committed, so a connector that
 * acts on one (delivers the application, say) and answers can never find the case missing. A row
 * goes when Kafka has acknowledged its event. Leftovers of a crash or a Kafka outage between
 * commit and publish are sent again with the same event ids, which consumers' ledgers recognise.
 */
export class CaseOutbox {
  private readonly sent: SentRows;
  /** One lane per case: its decisions' events leave in the order the decisions committed. */
  private readonly lanes = new KeyedQueue();

  constructor(
    private readonly pool: Pick<pg.Pool, 'query'>,
    private readonly producer: Pick<EventProducer, 'publish'>,
  ) {
    this.sent = new SentRows(pool);
  }

  /** Writes the events of the decision that `causeEventId` caused, in the order given. */
  async write(
    tx: pg.PoolClient,
    causeEventId: string,
    outgoing: readonly Outgoing[],
  ): Promise<void> {
    if (outgoing.length === 0) return;
    await tx.query(
      `insert into case_router_outbox (event_id, cause_event_id, topic, record_key, value)
       select event_id, $1, topic, record_key, value
       from unnest($2::uuid[], $3::text[], $4::text[], $5::bytea[])
         with ordinality as o(event_id, topic, record_key, value, n)
       order by n`,
      [
        causeEventId,
        outgoing.map((event) => event.eventId),
        outgoing.map((event) => event.spec.name),
        outgoing.map((event) => event.key),
        outgoing.map((event) => schemaType(event.spec.valueSchema).toBuffer(event.value)),
      ],
    );
  }

  /**
   * Publishes committed events in order, then forgets them. Decisions about one case commit one
   * after another (row lock) and are handed here in that order; each event joins its case's lane
   * at once, so a later decision's events cannot overtake an earlier one's in this process.
   */
  async send(outgoing: readonly Outgoing[], causedBy?: EventContext): Promise<void> {
    if (outgoing.length === 0) return;
    await Promise.all(
      outgoing.map(({ spec, key, value, eventId }) =>
        this.lanes.run(key, () => {
          const publication = { key, value: value as never, eventId };
          return this.producer.publish(spec, causedBy ? { ...publication, causedBy } : publication);
        }),
      ),
    );
    await this.sent.forget(outgoing.map((event) => event.eventId));
  }

  /** Sends what the decision caused by `causeEventId` left unsent (its delivery was repeated). */
  async sendLeftoversOf(causeEventId: string, causedBy: EventContext): Promise<void> {
    const { rows } = await this.pool.query<OutboxRow>(
      `select event_id, topic, record_key, value from case_router_outbox
       where cause_event_id = $1 order by seq`,
      [causeEventId],
    );
    await this.send(rows.map(toOutgoing), causedBy);
  }

  /** Sends every event left unsent for longer than `olderThanMs` (its cause will not come again). */
  async sendStale(olderThanMs: number): Promise<void> {
    const { rows } = await this.pool.query<OutboxRow>(
      `select event_id, topic, record_key, value from case_router_outbox
       where created_at < now() - $1 * interval '1 millisecond' order by seq limit 1000`,
      [olderThanMs],
    );
    await this.send(rows.map(toOutgoing));
  }
}

function toOutgoing(row: OutboxRow): Outgoing {
  const spec = specOf(row.topic);
  return {
    spec,
    key: row.record_key,
    value: schemaType(spec.valueSchema).fromBuffer(row.value),
    eventId: row.event_id,
  };
}

/**
 * Deletes the rows of sent events; the deletes asked for in one turn of the event loop (the
 * decisions whose publishes Kafka acknowledged together) share one statement and so one commit.
 * One autocommitted delete per decision cost PostgreSQL a tenth of a core at 15 applications/s.
 */
class SentRows {
  private pending: {
    readonly ids: readonly string[];
    readonly resolve: () => void;
    readonly reject: (error: unknown) => void;
  }[] = [];

  constructor(private readonly pool: Pick<pg.Pool, 'query'>) {}

  forget(ids: readonly string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ ids, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      await this.pool.query('delete from case_router_outbox where event_id = any($1::uuid[])', [
        batch.flatMap((entry) => entry.ids),
      ]);
      for (const entry of batch) entry.resolve();
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}
