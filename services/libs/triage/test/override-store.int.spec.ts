import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { platform } from '@hub/test-support';
import { OverrideStore } from '../src/override-store.js';

describe('the override store', () => {
  it('keeps one label per request, the latest staff choice, as labelled data for retraining', async () => {
    const pool = new pg.Pool({ connectionString: platform().DATABASE_URL, max: 2 });
    onTestFinished(() => pool.end());
    const store = new OverrideStore(pool);
    await store.migrate();
    const requestId = randomUUID();
    const maskedText = `Irgendwas stimmt an der Ecke nicht ${requestId}`;

    await store.record({ requestId, maskedText, proposed: 'kanal', chosen: 'sonstiges' });
    await store.record({ requestId, maskedText, proposed: 'kanal', chosen: 'strassenschaden' });

    const mine = (await store.labelled()).filter((label) => label.text === maskedText);
    expect(mine).toEqual([{ text: maskedText, category: 'strassenschaden' }]);
  });
});
