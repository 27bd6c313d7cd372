import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { examples, schemaType, type ReportRouted } from '@hub/contracts';
import { deadLetterTopic } from '@hub/kit';
import { collectFrom, eventually, platform, testProducer } from '@hub/test-support';
import { givenAGateway, postReport, somewhere } from './open311-under-test.js';

describe('the deliver-to-office handler', () => {
  it('delivers an event delivered twice once, dead-letters an undecodable record with its bytes, and keeps going', async () => {
    const { gateway, office, topic, kafka, service } = await givenAGateway();
    const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
    const producer = await testProducer(kafka);
    const report: ReportRouted = {
      ...examples['open311/report-routed'],
      serviceRequestId: randomUUID(),
    };
    const bytes = await serde.encode(`${topic}-value`, schemaType('open311/report-routed'), report);
    const eventId = randomUUID();
    const garbage = Buffer.from('not avro at all');
    for (const value of [bytes, garbage, bytes])
      await producer.send({
        topic,
        acks: -1,
        messages: [{ key: report.serviceRequestId, value, headers: { 'event-id': eventId } }],
      });

    const after = await postReport(gateway.baseUrl, {
      description: 'Graffiti an der Brücke',
      ...somewhere(),
    });
    const afterId = String(after.body[0]?.service_request_id);
    await eventually(
      () => [...office.reports.values()].find((r) => r.serviceRequestId === afterId),
      { timeoutMs: 45_000, what: 'the report after the poison one' },
    );
    const delivered = [...office.reports.values()].filter(
      (r) => r.serviceRequestId === report.serviceRequestId,
    );
    expect(delivered).toHaveLength(1);
    expect(office.deliveries).toBe(2);

    const { received } = await collectFrom(kafka, deadLetterTopic(`${service}.deliver-to-office`));
    const [letter] = await eventually(() => (received.length > 0 ? received : undefined), {
      timeoutMs: 30_000,
      what: 'the undecodable record in the dead-letter topic',
    });
    expect(letter?.message.value?.includes(garbage)).toBe(true);
  });
});
