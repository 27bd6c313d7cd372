import { describe, expect, it, onTestFinished } from 'vitest';
import {
  devAuthorPublicKey,
  metricsText,
  notReadyWithout,
  platform,
  readinessBecomes,
  startPostboxSimulator,
  tcpProxy,
} from '@hub/test-support';
import { postboxSimulator, startConnector, testTopics } from './connector-under-test.js';

describe('the postbox-connector ops endpoints', () => {
  it('serve /metrics, and /health/ready turns 503 without PostgreSQL or the postbox', async () => {
    const postbox = await postboxSimulator();
    const database = await tcpProxy(platform().DATABASE_URL);
    const service = await startConnector({
      topics: await testTopics(),
      postboxUrl: postbox.url,
      databaseUrl: database.url,
    });
    onTestFinished(() => service.stop());

    await readinessBecomes(service.opsPort, 200);
    expect(await metricsText(service.opsPort)).toContain('hub_events_processed_total');
    await postbox.stop();
    await notReadyWithout(service.opsPort, 'postbox');

    const again = await startPostboxSimulator({
      port: Number(new URL(postbox.url).port),
      authorKey: devAuthorPublicKey(),
    });
    onTestFinished(() => again.stop());
    await readinessBecomes(service.opsPort, 200);
    await database.close();
    await notReadyWithout(service.opsPort, 'database');
  }, 90_000);
});
