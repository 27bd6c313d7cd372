import { schemaType, topicCatalogue, valueSubject, type TopicSpec } from '@hub/contracts';
import { registeredSchema, type SchemaRegistryClient } from '@hub/avro-serde';

export interface Registration {
  readonly subject: string;
  readonly schemaId: number;
}

/**
 * Registers each topic's value schema under `<topic>-value` and pins the subject to
 * BACKWARD_TRANSITIVE, so the registry refuses what the evolution gate would refuse even when
 * someone bypasses CI. Registering an unchanged schema again is a no-op. Dead-letter topics get
 * no subject: their values carry the schema ids of the topic they copy (ADR 0013).
 */
export async function registerContracts(
  registry: SchemaRegistryClient,
  catalogue: readonly TopicSpec[] = topicCatalogue(),
): Promise<Registration[]> {
  const registrations: Registration[] = [];
  for (const topic of catalogue.filter((spec) => spec.copyOf === undefined)) {
    const subject = valueSubject(topic.name);
    // Compatibility first: the level must already guard the version being registered.
    await registry.setCompatibility(subject, 'BACKWARD_TRANSITIVE');
    const schemaId = await registry.register(
      subject,
      registeredSchema(schemaType(topic.valueSchema)),
    );
    registrations.push({ subject, schemaId });
  }
  return registrations;
}
