import type pg from 'pg';
import { migrate } from '@hub/kit';
import { isCategory, type Category } from './categories.js';
import type { LabelledText } from './decision.js';
import { triageMigrations } from './migrations.js';

/**
 * Staff overrides are labelled data: the masked report text with the category a person chose.
 * Kept in PostgreSQL beside the requests; `npm run hub -- triage retrain` reads them.
 */
export class OverrideStore {
  constructor(private readonly db: pg.Pool) {}

  /** Applies this library's versioned migrations (the folder `migrations/`). */
  async migrate(): Promise<void> {
    await migrate(this.db, [triageMigrations]);
  }

  /** One label per request: a second override of the same request replaces the first. */
  async record(override: {
    requestId: string;
    maskedText: string;
    proposed: Category;
    chosen: Category;
  }): Promise<void> {
    await this.db.query(
      `insert into triage_overrides (request_id, masked_text, proposed, chosen) values ($1, $2, $3, $4)
       on conflict (request_id) do update set chosen = excluded.chosen, overridden_at = now()`,
      [override.requestId, override.maskedText, override.proposed, override.chosen],
    );
  }

  async labelled(): Promise<LabelledText[]> {
    const { rows } = await this.db.query<{ masked_text: string; chosen: string }>(
      'select masked_text, chosen from triage_overrides order by overridden_at, request_id',
    );
    return rows.flatMap(({ masked_text, chosen }) =>
      isCategory(chosen) ? [{ text: masked_text, category: chosen }] : [],
    );
  }
}
