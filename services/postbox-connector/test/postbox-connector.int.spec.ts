import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { examples, topics } from '@hub/contracts';
import { describeHandlerContract } from '@hub/kit/testing';
import { platform, type PostboxSimulator } from '@hub/test-support';
import { postboxSimulator, startConnector, submissionsTopic } from './connector-under-test.js';

let postbox: PostboxSimulator;
let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: platform().DATABASE_URL, max: 2 });
});
afterAll(() => pool.end());

const mailboxOf = (applicationId: string) => `mbx-${applicationId}`;

describeHandlerContract({
  topic: topics.citizenStatusChanged,
  handler: 'citizen-status-changed',
  start: async ({ service, topics: renamed }) => {
    postbox = await postboxSimulator();
    const submissions = await submissionsTopic();
    return startConnector({
      service,
      topics: { ...renamed, [topics.applicationSubmitted.name]: submissions },
      postboxUrl: postbox.url,
    });
  },
  event: (applicationId) => {
    // The mailbox the submission would have taught; until it lands the handler retries.
    void pool
      .query(
        `insert into postbox_connector_mailboxes (application_id, mailbox_uuid) values ($1, $2)
         on conflict do nothing`,
        [applicationId, mailboxOf(applicationId)],
      )
      .catch(() => undefined);
    return { ...examples['case/citizen-status-changed'], applicationId };
  },
  effectsOf: (applicationId) =>
    Promise.resolve(postbox.store.received(mailboxOf(applicationId)).length),
});
