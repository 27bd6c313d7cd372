import { randomUUID } from 'node:crypto';
import { onTestFinished } from 'vitest';
import { topics } from '@hub/contracts';
import { bootstrapHubService, silentLogger } from '@hub/kit';
import {
  devAuthorPublicKey,
  startPostboxSimulator,
  type PostboxSimulator,
} from '@hub/postbox-simulator';
import { createTestTopic, platform, testKafka } from '@hub/test-support';
import { postboxConnectorConfigSchema } from '../src/config.js';
import { PostboxConnectorModule } from '../src/postbox-connector.module.js';

/** The postbox simulator as the tests run it: the dev author key, closed after the test. */
export async function postboxSimulator(): Promise<PostboxSimulator> {
  const simulator = await startPostboxSimulator({ authorKey: devAuthorPublicKey() });
  onTestFinished(() => simulator.stop());
  return simulator;
}

/**
 * The catalogue topics the connector reads, as fresh test topics: a fresh group on a catalogue
 * topic would read the shared platform's whole history.
 */
export async function testTopics(): Promise<Record<string, string>> {
  return {
    [topics.applicationSubmitted.name]: await submissionsTopic(),
    [topics.citizenStatusChanged.name]: await createTestTopic(testKafka(), 'postbox-status'),
  };
}

/**
 * A test topic for the submissions the connector learns mailboxes from: a fresh group on the
 * catalogue topic would read the shared platform's whole history.
 */
export function submissionsTopic(): Promise<string> {
  return createTestTopic(testKafka(), 'postbox-submissions');
}

/** The connector as `service`, reading the catalogue topics under the test topics' names. */
export function startConnector(run: {
  readonly service?: string;
  readonly topics: Readonly<Record<string, string>>;
  readonly postboxUrl: string;
  readonly databaseUrl?: string;
}) {
  const config = postboxConnectorConfigSchema.parse({
    ...platform(),
    SERVICE_NAME: run.service ?? `postbox-${randomUUID().slice(0, 8)}`,
    OPS_PORT: '0',
    TRACE_EXPORTER: 'none',
    RETRY_INITIAL_DELAY_MS: '50',
    RETRY_MAX_DELAY_MS: '500',
    POSTBOX_URL: run.postboxUrl,
    ...(run.databaseUrl ? { DATABASE_URL: run.databaseUrl } : {}),
  });
  return bootstrapHubService(PostboxConnectorModule, {
    config,
    logger: silentLogger,
    topics: run.topics,
  });
}
