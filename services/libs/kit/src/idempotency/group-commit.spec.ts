import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

/**
 * A database just big enough for the ledger's statements: ledger rows and effect rows become
 * visible at commit; a savepoint rolls back the effect rows written after it.
 */
class FakeDatabase {
  readonly ledger = new Set<string>();
  readonly effects: string[] = [];
  readonly statements: string[] = [];
  failCommit = false;

  connect(): Promise<pg.PoolClient> {
    return Promise.resolve(new FakeTransaction(this) as unknown as pg.PoolClient);
  }

  get commits(): number {
    return this.statements.filter((statement) => statement === 'commit').length;
  }
}

class FakeTransaction {
  private claims: string[] = [];
  private effects: string[] = [];
  private savepoint = 0;

  constructor(private readonly db: FakeDatabase) {}

  query(text: string, values: unknown[] = []): Promise<{ rows: unknown[] }> {
    const statement = text.trim().split(/\s+/).slice(0, 3).join(' ');
    this.db.statements.push(statement);
    if (statement.startsWith('insert into ledger')) {
      const [handlers, eventIds] = values as [string[], string[]];
      const rows = handlers
        .map((handler, i) => ({ handler, event_id: eventIds[i] as string }))
        .filter((row) => !this.db.ledger.has(`${row.handler}/${row.event_id}`));
      this.claims.push(...rows.map((row) => `${row.handler}/${row.event_id}`));
      return Promise.resolve({ rows });
    }
    if (statement.startsWith('insert into effects')) this.effects.push(values[0] as string);
    if (statement.startsWith('savepoint')) this.savepoint = this.effects.length;
    if (statement.startsWith('rollback to')) this.effects.length = this.savepoint;
    if (statement.startsWith('delete from ledger')) {
      const [handler, eventId] = values as [string, string];
      this.claims = this.claims.filter((claim) => claim !== `${handler}/${eventId}`);
    }
    if (statement === 'commit') {
      if (this.db.failCommit) return Promise.reject(new Error('connection lost'));
      for (const claim of this.claims) this.db.ledger.add(claim);
      this.db.effects.push(...this.effects);
    }
    return Promise.resolve({ rows: [] });
  }

  release(): void {
    // Nothing pooled.
  }
}

function givenAGroupCommit({ maxBatch = 100, maxConcurrent = 2 } = {}) {
  const db = new FakeDatabase();
  const ledger = new GroupCommit(db, 'ledger', { maxBatch, maxConcurrent });
  const writeEffect = (eventId: string) => async (tx: pg.PoolClient) => {
    await tx.query('insert into effects values ($1)', [eventId]);
    return eventId;
  };
  return { db, ledger, writeEffect };
}

describe('GroupCommit', () => {
  it('has calls arriving together share one claim and one commit, each effect applied', async () => {
    const { db, ledger, writeEffect } = givenAGroupCommit();
    const eventIds = [randomUUID(), randomUUID(), randomUUID()];

    const outcomes = await Promise.all(eventIds.map((id) => ledger.once(id, 'h', writeEffect(id))));

    expect(outcomes).toEqual(eventIds.map((id) => ({ applied: true, result: id })));
    expect(db.effects).toEqual(eventIds);
    expect(db.commits).toBe(1);
  });

  it('skips an event whose ledger row is there already, without running its effect', async () => {
    const { db, ledger, writeEffect } = givenAGroupCommit();
    const eventId = randomUUID();
    db.ledger.add(`h/${eventId}`);

    expect(await ledger.once(eventId, 'h', writeEffect(eventId))).toEqual({ applied: false });
    expect(db.effects).toEqual([]);
  });

  it('rolls back a failing effect and its claim only; its neighbours commit', async () => {
    const { db, ledger, writeEffect } = givenAGroupCommit();
    const [before, failing, after] = [randomUUID(), randomUUID(), randomUUID()];

    const outcomes = await Promise.allSettled([
      ledger.once(before, 'h', writeEffect(before)),
      ledger.once(failing, 'h', async (tx) => {
        await writeEffect(failing)(tx);
        throw new TypeError('downstream failed after the write');
      }),
      ledger.once(after, 'h', writeEffect(after)),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(db.effects).toEqual([before, after]);
    expect([...db.ledger]).toEqual([`h/${before}`, `h/${after}`].sort());
  });

  it('has an event delivered twice at once take effect once: the second waits for the next batch', async () => {
    // One transaction at a time: this fake database has no row locks to make a second one wait.
    const { db, ledger, writeEffect } = givenAGroupCommit({ maxConcurrent: 1 });
    const eventId = randomUUID();

    const outcomes = await Promise.all([
      ledger.once(eventId, 'h', writeEffect(eventId)),
      ledger.once(eventId, 'h', writeEffect(eventId)),
    ]);

    expect(outcomes).toEqual([{ applied: true, result: eventId }, { applied: false }]);
    expect(db.effects).toEqual([eventId]);
  });

  it('fails every call of a batch whose commit fails, reporting none as applied', async () => {
    const { db, ledger, writeEffect } = givenAGroupCommit();
    db.failCommit = true;
    const eventIds = [randomUUID(), randomUUID()];

    const outcomes = await Promise.allSettled(
      eventIds.map((id) => ledger.once(id, 'h', writeEffect(id))),
    );

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(db.effects).toEqual([]);
  });

  it('takes at most maxBatch calls into one transaction', async () => {
    const { db, ledger, writeEffect } = givenAGroupCommit({ maxBatch: 2 });
    const eventIds = Array.from({ length: 5 }, () => randomUUID());

    await Promise.all(eventIds.map((id) => ledger.once(id, 'h', writeEffect(id))));

    expect(db.commits).toBe(3);
    expect([...db.effects].sort()).toEqual([...eventIds].sort());
  });

  it('refuses an event id that is not a UUID, for good, before it can spoil a batch', async () => {
    const { ledger, writeEffect } = givenAGroupCommit();

    await expect(ledger.once('not-a-uuid', 'h', writeEffect('x'))).rejects.toMatchObject({
      code: 'KIT_EVENT_ID_NOT_UUID',
      retryable: false,
    });
  });

  it('costs an effect that writes nothing no savepoint', async () => {
    const { db, ledger } = givenAGroupCommit();

    await ledger.once(randomUUID(), 'h', () => Promise.resolve('nothing written'));

    expect(db.statements).toEqual(['begin', 'insert into ledger', 'commit']);
  });

  it("runs each effect in the context of its own caller (its trace), not the batch opener's", async () => {
    const { ledger } = givenAGroupCommit();
    const callerOf = new AsyncLocalStorage<string>();

    // given three handlers, each in its own context, whose calls share one transaction
    const seen = await Promise.all(
      ['first', 'second', 'third'].map((caller) =>
        callerOf.run(caller, () =>
          ledger.once(randomUUID(), 'h', () => Promise.resolve(callerOf.getStore())),
        ),
      ),
    );

    // then each effect ran where its call was made
    expect(seen.map((once) => (once.applied ? once.result : undefined))).toEqual([
      'first',
      'second',
      'third',
    ]);
  });
});
