import type { Kafka } from 'kafkajs';
import { eventTopics, topicCatalogue } from '@hub/contracts';
import { ensureTopics } from '@hub/kit';
import { commitTopicEnd, platform } from '@hub/test-support';
import { xbauConnectorConfigSchema, type XbauConnectorConfig } from '../src/config.js';

/**
 * The connector's configuration for a test: the platform's endpoints, the test's own simulator,
 * fast transport polling, no tracing, and replies fetched only when the test asks
 * (`pollReplies`), so that injected faults hit only what the test means them for.
 */
export function testConnectorConfig(
  service: string,
  xtaEndpointUrl: string,
  overrides: Record<string, unknown> = {},
): XbauConnectorConfig {
  const endpoints = platform();
  return xbauConnectorConfigSchema.parse({
    SERVICE_NAME: service,
    KAFKA_BROKERS: endpoints.KAFKA_BROKERS,
    SCHEMA_REGISTRY_URL: endpoints.SCHEMA_REGISTRY_URL,
    DATABASE_URL: endpoints.DATABASE_URL,
    XTA_ENDPOINT_URL: xtaEndpointUrl,
    TRACE_EXPORTER: 'none',
    OPS_PORT: 0,
    TRANSPORT_REPORT_POLL_INTERVAL_MS: 50,
    REPLY_POLL_INTERVAL_MS: 3_600_000,
    RETRY_INITIAL_DELAY_MS: 50,
    ...overrides,
  });
}

/** A fresh delivery group starts at the end of the shared topic, not at other tests' requests. */
export async function deliveriesFromNowOn(kafka: Kafka, service: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await commitTopicEnd(admin, `${service}.delivery-requested`, 'procedure.delivery-requested.v1');
  } finally {
    await admin.disconnect();
  }
}

/** The catalogue's topics exist, and each service's delivery group starts from now on. */
export async function prepareDeliveries(kafka: Kafka, ...services: string[]): Promise<void> {
  const catalogue = topicCatalogue(eventTopics);
  await ensureTopics(
    kafka,
    catalogue.map((spec) => ({ topic: spec.name, partitions: spec.partitions })),
  );
  for (const service of services) await deliveriesFromNowOn(kafka, service);
}
