import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { schemaType, type ApplicationSubmitted } from '@hub/contracts';
import { collectFrom, eventually, platform, testKafka } from '@hub/test-support';
import { validApplication } from './fixtures.js';
import { citizen, startGatewayUnderTest } from './gateway-under-test.js';

type Under = Awaited<ReturnType<typeof startGatewayUnderTest>>;
const submittedTopic = 'portal.application-submitted.v1';
const otherCitizen = 'postbox-other-0003';

describe('the door: what it accepts is deliverable, and the hub owns id and fee', () => {
  let under: Under;
  beforeAll(async () => {
    under = await startGatewayUnderTest();
  });
  afterAll(async () => {
    await under.gateway.stop();
  });

  async function submitAsOther(body: Record<string, unknown>) {
    const token = await under.idp.token({ citizenAccount: otherCitizen });
    return under.post(JSON.stringify({ ...body, citizenAccountRef: otherCitizen }), {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    });
  }

  it('accepts a DIN 91379 name, stores it in NFC, and publishes the route’s fee when none is stated', async () => {
    const { received } = await collectFrom(testKafka(), submittedTopic);
    const application = validApplication();
    delete application.fee;
    Object.assign(application.applicant as Record<string, unknown>, {
      // "Zoë" with a combining diaeresis: NFC makes it the one character U+00EB.
      givenName: ' Zoe\u0308 Ḑāvis ',
      familyName: 'Łukasiewicz-Müller',
    });

    const { status, json } = await under.submit(application);

    expect(status).toBe(202);
    const applicationId = json.applicationId as string;
    const record = await eventually(
      () => received.find((r) => r.message.key?.toString() === applicationId),
      { timeoutMs: 20_000, what: 'the submitted event' },
    );
    const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
    const { value } = await serde.decode<ApplicationSubmitted>(
      record.message.value ?? Buffer.alloc(0),
      schemaType('portal/application-submitted'),
    );
    expect(value.applicant.givenName).toBe('Zo\u00EB Ḑāvis');
    expect(value.applicant.familyName).toBe('Łukasiewicz-Müller');
    expect(value.fee).toEqual({ amount: '250.00', currency: 'EUR' });
  });

  it('accepts a stated fee equal to the route’s, written differently', async () => {
    const { status } = await under.submit({
      ...validApplication(),
      fee: { amount: '0250.00', currency: 'EUR' },
    });
    expect(status).toBe(202);
  });

  it('scopes a portal’s applicationId to the citizen: another citizen gets 409 and never that case', async () => {
    const portalId = randomUUID();
    const mine = { ...validApplication(), applicationId: portalId };

    const first = await under.submit(mine);
    const again = await under.submit(mine);
    const byOther = await submitAsOther(mine);
    const otherApplication = await under.submit({ ...mine, formId: 'bauantrag-nrw@2026-02' });

    expect(first.status).toBe(202);
    expect(first.json.applicationId).not.toBe(portalId);
    expect(again).toEqual(first);
    expect(byOther.status).toBe(409);
    expect(byOther.json.errors).toEqual([expect.objectContaining({ path: '/applicationId' })]);
    expect(otherApplication.status).toBe(409);
    const otherToken = await under.idp.token({
      citizenAccount: otherCitizen,
      scope: 'applications:read',
    });
    const view = await fetch(
      `${under.gateway.url}/v1/applications/${first.json.applicationId as string}`,
      { headers: { authorization: `Bearer ${otherToken}` } },
    );
    expect(view.status).toBe(404);
  });

  it('logs a client that aborts mid-upload at info, not as an error, and keeps serving', async () => {
    const token = await under.idp.token({ citizenAccount: citizen });
    const { port } = new URL(under.gateway.url);
    await new Promise<void>((resolve) => {
      const upload = httpRequest({
        host: '127.0.0.1',
        port: Number(port),
        method: 'POST',
        path: '/v1/applications',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': '10000',
        },
      });
      upload.on('error', () => {
        resolve();
      });
      upload.write('{"serviceKey": "99010003001000", ', () => {
        setTimeout(() => {
          upload.destroy();
          resolve();
        }, 200);
      });
    });

    await eventually(
      () =>
        under.logged.some(
          (line) => line.level === 'info' && line.message === 'client aborted the request',
        ) || undefined,
      { timeoutMs: 10_000, what: 'the abort logged at info' },
    );
    // The HTTP side's one error line; the status consumer's lines are about other traffic.
    expect(under.logged.filter((line) => line.message === 'unexpected error')).toEqual([]);
    expect((await under.submit(validApplication())).status).toBe(202);
  });
});
