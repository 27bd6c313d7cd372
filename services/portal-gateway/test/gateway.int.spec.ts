import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { schemaType, type ApplicationSubmitted } from '@hub/contracts';
import { collectFrom, eventually, platform, testKafka } from '@hub/test-support';
import { validApplication } from './fixtures.js';
import { citizen, startGatewayUnderTest } from './gateway-under-test.js';

const submittedTopic = 'portal.application-submitted.v1';

describe('portal gateway over HTTP (real Kafka, registry, PostgreSQL)', () => {
  let under: Awaited<ReturnType<typeof startGatewayUnderTest>>;
  beforeAll(async () => {
    under = await startGatewayUnderTest();
  });
  afterAll(async () => {
    await under.gateway.stop();
  });
  const submitAs = (body: unknown, headers: Record<string, string> = {}) =>
    under.submit(body, headers);

  it('accepts a valid application with 202 once Kafka has it, and shows it as SUBMITTED', async () => {
    const { received } = await collectFrom(testKafka(), submittedTopic);
    const { status, json } = await submitAs(validApplication());
    expect(status).toBe(202);
    const applicationId = json.applicationId as string;

    const record = await eventually(
      () => received.find((r) => r.message.key?.toString() === applicationId),
      {
        timeoutMs: 20_000,
        what: 'the submitted event',
      },
    );
    const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
    const { value } = await serde.decode<ApplicationSubmitted>(
      record.message.value ?? Buffer.alloc(0),
      schemaType('portal/application-submitted'),
    );
    expect(value).toMatchObject({
      applicationId,
      serviceKey: '99010003001000',
      fee: { amount: '250.00', currency: 'EUR' },
    });
    expect(Object.keys(record.message.headers ?? {})).not.toContain('citizen-account');

    const token = await under.idp.token({ citizenAccount: citizen, scope: 'applications:read' });
    const view = await fetch(`${under.gateway.url}/v1/applications/${applicationId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({ applicationId, state: 'SUBMITTED', timeline: [] });
  });

  it('publishes exactly one event for the same Idempotency-Key twice, and answers both alike', async () => {
    const { received } = await collectFrom(testKafka(), submittedTopic);
    const key = `retry-${Date.now()}`;
    const first = await submitAs(validApplication(), { 'idempotency-key': key });
    const second = await submitAs(validApplication(), { 'idempotency-key': key });
    expect(first.status).toBe(202);
    expect(second).toEqual(first);

    const applicationId = first.json.applicationId as string;
    await eventually(() => received.find((r) => r.message.key?.toString() === applicationId), {
      timeoutMs: 20_000,
      what: 'the event',
    });
    // A marker submitted after both: once it has arrived, a duplicate would have arrived before it.
    const marker = await submitAs(validApplication());
    await eventually(
      () => received.find((r) => r.message.key?.toString() === marker.json.applicationId),
      { timeoutMs: 20_000, what: 'the marker' },
    );
    expect(received.filter((r) => r.message.key?.toString() === applicationId)).toHaveLength(1);
  });

  it('answers the same Idempotency-Key with another body with 409', async () => {
    const key = `conflict-${Date.now()}`;
    expect((await submitAs(validApplication(), { 'idempotency-key': key })).status).toBe(202);
    const changed = { ...validApplication(), formId: 'bauantrag-nrw@2026-02' };
    const { status, json } = await submitAs(changed, { 'idempotency-key': key });
    expect(status).toBe(409);
    expect(json.title).toBe('Idempotency Key Reused');
  });

  it('does not show one citizen’s application to another', async () => {
    const { json } = await submitAs(validApplication());
    const other = await under.idp.token({
      citizenAccount: 'postbox-other-0001',
      scope: 'applications:read',
    });
    const response = await fetch(
      `${under.gateway.url}/v1/applications/${json.applicationId as string}`,
      { headers: { authorization: `Bearer ${other}` } },
    );
    expect(response.status).toBe(404);
  });

  it('serves its OpenAPI document with the request schema derived from the validator', async () => {
    const response = await fetch(`${under.gateway.url}/openapi.json`);
    const document = (await response.json()) as {
      components: { schemas: { SubmitApplicationRequest: { required: string[] } } };
    };
    expect(document.components.schemas.SubmitApplicationRequest.required).toEqual(
      expect.arrayContaining(['serviceKey', 'municipalityKey', 'applicant', 'formFields']),
    );
  });
});
