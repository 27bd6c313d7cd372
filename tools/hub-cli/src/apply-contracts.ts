import { topicCatalogue } from '@hub/contracts';
import { SchemaRegistryClient } from '@hub/avro-serde';
import { kafkaAdmin } from '@hub/platform';
import { registerContracts, type Registration } from './contracts/register-contracts.js';
import { applyTopics } from './topics/apply-topics.js';
import type { Drift } from './topics/topic-drift.js';

export { applyReport } from './topics/topic-report.js';

export interface AppliedContracts {
  readonly drifts: Drift[];
  readonly registrations: Registration[];
}

/**
 * What a running platform needs before any service starts: the catalogue's topics with their
 * configs, and every value schema registered at BACKWARD_TRANSITIVE. `npm start` and the test
 * harness call this, so neither runs on broker defaults or an unguarded registry.
 */
export async function applyContracts(endpoints: {
  readonly KAFKA_BROKERS: string;
  readonly SCHEMA_REGISTRY_URL: string;
}): Promise<AppliedContracts> {
  const admin = kafkaAdmin(endpoints.KAFKA_BROKERS);
  await admin.connect();
  try {
    const drifts = await applyTopics(admin, topicCatalogue());
    const registrations = await registerContracts(
      new SchemaRegistryClient(endpoints.SCHEMA_REGISTRY_URL),
    );
    return { drifts, registrations };
  } finally {
    await admin.disconnect();
  }
}
