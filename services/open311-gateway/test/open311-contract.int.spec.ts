import { describe, expect, it } from 'vitest';
import {
  geoReportRequestFields as requestFields,
  geoReportServiceFields as serviceFields,
} from './georeport-v2-fields.js';
import { apiKey, getJson, givenAGateway, postReport, somewhere } from './open311-under-test.js';

function expectErrorList(body: unknown, code: number, description: RegExp) {
  expect(Array.isArray(body)).toBe(true);
  const errors = body as { code: number; description: string }[];
  for (const error of errors) expect(Object.keys(error).sort()).toEqual(['code', 'description']);
  expect(errors).toContainEqual({
    code,
    description: expect.stringMatching(description) as string,
  });
}

describe('the Open311 GeoReport v2 contract', () => {
  it('lists services in JSON and XML, defines each, and answers unknown ones with the error list', async () => {
    const { gateway } = await givenAGateway();
    const services = await getJson(`${gateway.baseUrl}/services.json`);
    expect(services.status).toBe(200);
    const list = services.body as Record<string, unknown>[];
    expect(list.map((s) => s.service_code)).toEqual([
      'strassenschaden',
      'beleuchtung',
      'muell',
      'gruenflaeche',
      'spielplatz',
      'graffiti',
      'verkehrszeichen',
      'kanal',
      'sonstiges',
    ]);
    for (const service of list) expect(Object.keys(service)).toEqual(serviceFields);

    const xml = await fetch(`${gateway.baseUrl}/services.xml`);
    expect(xml.headers.get('content-type')).toMatch(/application\/xml/);
    const text = await xml.text();
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\s*<services>\s*<service>\s*<service_code>strassenschaden<\/service_code>/,
    );
    expect(text.match(/<service>/g)).toHaveLength(9);

    expect(await getJson(`${gateway.baseUrl}/services/kanal.json`)).toEqual({
      status: 200,
      body: { service_code: 'kanal', attributes: [] },
    });
    const unknown = await getJson(`${gateway.baseUrl}/services/schlagloch.json`);
    expect(unknown.status).toBe(404);
    expectErrorList(unknown.body, 404, /service_code/);
    const discovery = await getJson(`${gateway.url}/open311/discovery.json`);
    expect(discovery.body).toMatchObject({
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: gateway.baseUrl }],
    });
    const unknownXml = await fetch(`${gateway.baseUrl}/services/schlagloch.xml`);
    expect(await unknownXml.text()).toMatch(
      /<errors>\s*<error>\s*<code>404<\/code>\s*<description>/,
    );
  });

  it('refuses reports without a valid api_key or with bad fields, naming each field', async () => {
    const { gateway } = await givenAGateway();
    const noKey = await fetch(`${gateway.baseUrl}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'description=Laterne+aus&address_string=Markt+1',
    });
    expect(noKey.status).toBe(403);
    expectErrorList(await noKey.json(), 403, /^api_key: /);

    const bad = await postReport(gateway.baseUrl, { lat: '500', long: '7', media_url: 'ftp://x' });
    expect(bad.status).toBe(400);
    expectErrorList(bad.body, 400, /^description: required$/);
    expectErrorList(bad.body, 400, /^lat: /);
    expectErrorList(bad.body, 400, /^media_url: /);

    const malformed = await fetch(`${gateway.baseUrl}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"api_key": ',
    });
    expect(malformed.status).toBe(400);
    expectErrorList(await malformed.json(), 400, /JSON/);

    const oversize = await fetch(`${gateway.baseUrl}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: apiKey, description: 'x'.repeat(100_000) }),
    });
    expect(oversize.status).toBe(413);

    const missing = await getJson(
      `${gateway.baseUrl}/requests/0b9a3c9e-3f5b-4c1e-8f3a-6d2b1e7c9a10.json`,
    );
    expect(missing.status).toBe(404);
    expectErrorList(missing.body, 404, /service_request_id/);
    const badFilter = await getJson(`${gateway.baseUrl}/requests.json?status=done`);
    expect(badFilter.status).toBe(400);
    expectErrorList(badFilter.body, 400, /^status: /);
  });

  it('answers POST with the id and notice, and GET requests with the spec’s fields and filters, never contact data', async () => {
    const { gateway } = await givenAGateway();
    const posted = await postReport(gateway.baseUrl, {
      service_code: 'graffiti',
      description: 'Schmierereien an der Schulwand, Frau Yilmaz hat es auch gesehen',
      ...somewhere(),
      email: 'reporter@example.org',
      phone: '0228 123456',
      first_name: 'Mia',
      last_name: 'Reporter',
    });
    expect(posted.status).toBe(201);
    expect(Object.keys(posted.body[0] ?? {})).toEqual([
      'service_request_id',
      'service_notice',
      'account_id',
    ]);
    const id = String(posted.body[0]?.service_request_id);

    const one = await getJson(`${gateway.baseUrl}/requests/${id}.json`);
    const [request] = one.body as Record<string, unknown>[];
    expect(Object.keys(request ?? {})).toEqual(requestFields);
    expect(request).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'graffiti',
      description: 'Schmierereien an der Schulwand, Frau [NAME] hat es auch gesehen',
    });
    expect(JSON.stringify(one.body)).not.toMatch(/reporter@|0228|Mia|Yilmaz/);

    const byId = await getJson(`${gateway.baseUrl}/requests.json?service_request_id=${id}`);
    expect((byId.body as unknown[]).length).toBe(1);
    const open = await getJson(
      `${gateway.baseUrl}/requests.json?service_code=graffiti&status=open`,
    );
    expect(
      (open.body as { service_request_id: string }[]).map((r) => r.service_request_id),
    ).toContain(id);
    const closed = await getJson(
      `${gateway.baseUrl}/requests.json?service_code=graffiti&status=closed`,
    );
    expect(
      (closed.body as { service_request_id: string }[]).map((r) => r.service_request_id),
    ).not.toContain(id);

    const xml = await (await fetch(`${gateway.baseUrl}/requests/${id}.xml`)).text();
    expect(xml).toMatch(/<service_requests>\s*<request>\s*<service_request_id>/);
  });

  it('refuses an office status change that is not signed with the shared secret', async () => {
    const { gateway } = await givenAGateway();
    const response = await fetch(`${gateway.url}/open311/office/status-changes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-timestamp': String(Math.floor(Date.now() / 1000)),
        'x-hub-signature-256': 'sha256=00',
      },
      body: JSON.stringify({
        changeId: 'c',
        serviceRequestId: 'x',
        status: 'closed',
        changedAt: new Date().toISOString(),
      }),
    });
    expect(response.status).toBe(403);
  });
});
