import type pg from 'pg';
import { migrate } from '@hub/kit';
import type { Category } from '@hub/triage';
import { open311GatewayMigrations } from '../migrations.js';
import { boundingBox, distanceMetres, type Point } from './distance.js';
import type { Contact, ServiceRequest, TriageRecord } from './service-request.js';

type Db = Pick<pg.Pool, 'query'>;

interface Row {
  id: string;
  state: ServiceRequest['state'];
  status: ServiceRequest['status'];
  status_notes: string | null;
  service_code: Category | null;
  agency: string | null;
  description: string;
  lat: number | null;
  long: number | null;
  address: string | null;
  media_url: string | null;
  requested_at: Date;
  updated_at: Date;
  triage: TriageRecord;
  duplicate_of: string | null;
}

const publicColumns =
  'id, state, status, status_notes, service_code, agency, description, lat, long, address, media_url, requested_at, updated_at, triage, duplicate_of';

export interface RequestFilter {
  readonly ids?: readonly string[];
  readonly serviceCodes?: readonly string[];
  readonly statuses?: readonly string[];
  readonly from: Date;
  readonly to: Date;
  readonly limit: number;
}

/** The reports the gateway received, in PostgreSQL; contact data in its own column, never selected for the public. */
export class RequestStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Applies this service's versioned migrations (the folder `migrations/`). */
  async migrate(): Promise<void> {
    await migrate(this.pool, [open311GatewayMigrations]);
  }

  /** Runs `work` in one transaction: what it writes commits together or not at all. */
  async transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  }

  /** Inserts a new report, or saves a reviewed one's new state. */
  async save(
    request: ServiceRequest,
    reporter: { contact: Contact | null; notify: boolean } | undefined,
    db: Db = this.pool,
  ): Promise<void> {
    await db.query(
      `insert into open311_requests (${publicColumns}, contact, notify)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       on conflict (id) do update set state = excluded.state, service_code = excluded.service_code,
         agency = excluded.agency, status_notes = excluded.status_notes, triage = excluded.triage,
         duplicate_of = excluded.duplicate_of, updated_at = excluded.updated_at`,
      [
        request.id,
        request.state,
        request.status,
        request.statusNotes,
        request.serviceCode,
        request.agency,
        request.description,
        request.lat,
        request.long,
        request.address,
        request.mediaUrl,
        request.requestedAt,
        request.updatedAt,
        JSON.stringify(request.triage),
        request.duplicateOf,
        reporter?.contact ? JSON.stringify(reporter.contact) : null,
        reporter?.notify ?? false,
      ],
    );
  }

  async get(id: string): Promise<ServiceRequest | undefined> {
    if (!isUuid(id)) return undefined;
    const { rows } = await this.pool.query<Row>(
      `select ${publicColumns} from open311_requests where id = $1`,
      [id],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async list(filter: RequestFilter): Promise<ServiceRequest[]> {
    const { rows } = await this.pool.query<Row>(
      `select ${publicColumns} from open311_requests
       where requested_at >= $1 and requested_at <= $2
         and ($3::uuid[] is null or id = any($3))
         and ($4::text[] is null or service_code = any($4))
         and ($5::text[] is null or status = any($5))
       order by requested_at desc limit $6`,
      [
        filter.from,
        filter.to,
        filter.ids?.filter(isUuid) ?? null,
        filter.serviceCodes ?? null,
        filter.statuses ?? null,
        filter.limit,
      ],
    );
    return rows.map(fromRow);
  }

  async reviewQueue(): Promise<ServiceRequest[]> {
    const { rows } = await this.pool.query<Row>(
      `select ${publicColumns} from open311_requests where state = 'review' order by requested_at`,
    );
    return rows.map(fromRow);
  }

  /** The nearest open, routed report of `category` within `metres` of `point`. */
  async openNear(
    category: Category,
    point: Point,
    metres: number,
  ): Promise<ServiceRequest | undefined> {
    const { min, max } = boundingBox(point, metres);
    const { rows } = await this.pool.query<Row>(
      `select ${publicColumns} from open311_requests
       where state = 'routed' and status = 'open' and service_code = $1
         and lat between $2 and $3 and long between $4 and $5`,
      [category, min.lat, max.lat, min.long, max.long],
    );
    return rows
      .map(fromRow)
      .map((request) => ({
        request,
        distance: distanceMetres(point, { lat: request.lat ?? 0, long: request.long ?? 0 }),
      }))
      .filter(({ distance }) => distance <= metres)
      .sort((a, b) => a.distance - b.distance)[0]?.request;
  }

  /**
   * Applies an office's status change once (by its change id) to the report and the reports
   * linked to it; a change older (by the office's clock) than the last one applied is ignored.
   * Returns the reporters who
   * asked to be told.
   */
  async applyStatusChange(change: {
    changeId: string;
    requestId: string;
    status: 'open' | 'closed';
    statusNotes: string | null;
    changedAt: Date;
  }): Promise<{ applied: boolean; notify: { requestId: string; contact: Contact }[] }> {
    return this.transaction(async (tx) => {
      const claimed = await tx.query(
        'insert into open311_status_changes (change_id, request_id) values ($1, $2) on conflict do nothing',
        [change.changeId, change.requestId],
      );
      if (claimed.rowCount === 0) return { applied: false, notify: [] };
      const { rows } = await tx.query<{ id: string; contact: Contact | null; notify: boolean }>(
        // Ordered by the office's own clock, so a skew against ours never drops a change.
        `update open311_requests
         set status = $2, status_notes = $3, office_changed_at = $4, updated_at = now()
         where (id = $1 or duplicate_of = $1)
           and (office_changed_at is null or office_changed_at <= $4)
         returning id, contact, notify`,
        [change.requestId, change.status, change.statusNotes, change.changedAt],
      );
      return {
        applied: rows.length > 0,
        notify: rows.flatMap(({ id, contact, notify }) =>
          notify && contact?.email ? [{ requestId: id, contact }] : [],
        ),
      };
    });
  }

  /** A notice for the reporter, kept until the mail transport sends it (outbox). */
  async queueNotice(requestId: string, contact: Contact, text: string): Promise<void> {
    await this.pool.query(
      'insert into open311_reporter_notices (request_id, contact, text) values ($1, $2, $3)',
      [requestId, JSON.stringify(contact), text],
    );
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

function fromRow(row: Row): ServiceRequest {
  return {
    id: row.id,
    state: row.state,
    status: row.status,
    statusNotes: row.status_notes,
    serviceCode: row.service_code,
    agency: row.agency,
    description: row.description,
    lat: row.lat,
    long: row.long,
    address: row.address,
    mediaUrl: row.media_url,
    requestedAt: row.requested_at,
    updatedAt: row.updated_at,
    triage: row.triage,
    duplicateOf: row.duplicate_of,
  };
}
