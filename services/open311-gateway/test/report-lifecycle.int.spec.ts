import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { collectFrom, eventually, platform } from '@hub/test-support';
import {
  getJson,
  givenAGateway,
  north,
  postReport,
  somewhere,
  staffKey,
} from './open311-under-test.js';

type Open311Request = Record<string, unknown>;

async function requestOf(baseUrl: string, id: string): Promise<Open311Request> {
  const { status, body } = await getJson(`${baseUrl}/requests/${id}.json`);
  expect(status).toBe(200);
  return (body as Open311Request[])[0] ?? {};
}

async function noticesFor(id: string): Promise<{ text: string }[]> {
  const client = new pg.Client({ connectionString: platform().DATABASE_URL });
  await client.connect();
  try {
    return (
      await client.query<{ text: string }>(
        'select text from open311_reporter_notices where request_id = $1',
        [id],
      )
    ).rows;
  } finally {
    await client.end();
  }
}

describe('a defect report from intake to closed', () => {
  it('classifies a free-text report, routes it to the office, and shows the office closing it', async () => {
    const { gateway, office, kafka, topic } = await givenAGateway();
    const { received: events } = await collectFrom(kafka, topic);
    const place = somewhere();

    const submitted = await postReport(gateway.baseUrl, {
      description:
        'Riesiges Schlagloch vor der Grundschule, mein Sohn ist mit dem Rad reingefahren. Gruß Jonas Becker, Tel 0171 2345678',
      ...place,
      email: 'jonas.becker@example.org',
      first_name: 'Jonas',
      notify: 'true',
    });
    expect(submitted.status).toBe(201);
    const id = String(submitted.body[0]?.service_request_id);
    expect(submitted.body[0]?.service_notice).toBe(
      'Ihre Meldung ist an Tiefbauamt weitergeleitet.',
    );

    const delivered = await eventually(
      () => [...office.reports.values()].find((r) => r.serviceRequestId === id),
      {
        timeoutMs: 30_000,
        what: 'the report at the office',
      },
    );
    expect(delivered).toMatchObject({
      serviceCode: 'strassenschaden',
      agencyResponsible: 'Tiefbauamt',
    });
    expect(delivered.description).toContain('Gruß [NAME]');
    expect(JSON.stringify(delivered)).not.toMatch(/Becker|0171|jonas/i);

    const [event] = await eventually(() => (events.length > 0 ? events : undefined), {
      timeoutMs: 30_000,
      what: 'the routed event',
    });
    expect(String(event?.message.key)).toBe(id);
    const onTheWire = `${JSON.stringify(event?.message.headers)} ${event?.message.value?.toString('latin1') ?? ''}`;
    expect(onTheWire).toContain('Schlagloch');
    expect(onTheWire).not.toMatch(/Becker|Jonas|0171|example\.org/);

    const open = await requestOf(gateway.baseUrl, id);
    expect(open).toMatchObject({
      status: 'open',
      service_code: 'strassenschaden',
      agency_responsible: 'Tiefbauamt',
    });

    const callback = await office.setStatus(id, 'closed', 'Schlagloch am 3.12. verfüllt.');
    expect(callback.delivered).toBe(true);

    const closed = await requestOf(gateway.baseUrl, id);
    expect(closed).toMatchObject({
      status: 'closed',
      status_notes: 'Schlagloch am 3.12. verfüllt.',
    });
    expect(Date.parse(String(closed.updated_datetime))).toBeGreaterThan(
      Date.parse(String(closed.requested_datetime)),
    );
    expect(JSON.stringify(closed)).not.toMatch(/Becker|0171|example\.org/);
    const metrics = await (await fetch(`http://127.0.0.1:${gateway.opsPort}/metrics`)).text();
    expect(metrics).toMatch(
      /open311_reports_total\{outcome="routed",service_code="strassenschaden"\} 1/,
    );
    expect(metrics).toMatch(/open311_triage_confidence_count\{outcome="routed"\} 1/);
    const notices = await noticesFor(id);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toContain('erledigt');
  });

  it('queues a doubtful report for review; the staff override is kept as labelled data and routes it', async () => {
    const { gateway, office } = await givenAGateway();
    const submitted = await postReport(gateway.baseUrl, {
      description: 'Da ist was kaputt an der Ecke, bitte mal schauen',
      address_string: 'Marktplatz 1, Bonn',
    });
    const id = String(submitted.body[0]?.service_request_id);
    expect(submitted.body[0]?.service_notice).toMatch(/wird geprüft/);

    const queue = await getJson(`${gateway.url}/open311/staff/review-queue.json`, {
      'x-staff-key': staffKey,
    });
    const queued = (queue.body as Record<string, unknown>[]).find(
      (item) => item.service_request_id === id,
    );
    expect(queued).toMatchObject({ state: 'review', reason: 'below-threshold' });
    expect(typeof queued?.confidence).toBe('number');
    expect(Array.isArray(queued?.evidence)).toBe(true);
    expect(await requestOf(gateway.baseUrl, id)).toMatchObject({
      status: 'open',
      agency_responsible: null,
    });

    const forbidden = await fetch(`${gateway.url}/open311/staff/requests/${id}/category.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service_code: 'verkehrszeichen' }),
    });
    expect(forbidden.status).toBe(403);

    const decided = await fetch(`${gateway.url}/open311/staff/requests/${id}/category.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-staff-key': staffKey },
      body: JSON.stringify({ service_code: 'verkehrszeichen' }),
    });
    expect(decided.status).toBe(201);
    expect(await decided.json()).toMatchObject({
      state: 'routed',
      service_code: 'verkehrszeichen',
      decided_by: 'STAFF',
    });

    await eventually(() => [...office.reports.values()].find((r) => r.serviceRequestId === id), {
      timeoutMs: 30_000,
      what: 'the overridden report at the office',
    });
    expect((await office.setStatus(id, 'closed', 'Schild wieder aufgestellt.')).delivered).toBe(
      true,
    );
    expect(await requestOf(gateway.baseUrl, id)).toMatchObject({
      status: 'closed',
      status_notes: 'Schild wieder aufgestellt.',
      agency_responsible: 'Straßenverkehrsbehörde',
    });

    const client = new pg.Client({ connectionString: platform().DATABASE_URL });
    await client.connect();
    const labels = await client.query(
      'select chosen, masked_text from triage_overrides where request_id = $1',
      [id],
    );
    await client.end();
    expect(labels.rows).toEqual([
      {
        chosen: 'verkehrszeichen',
        masked_text: 'Da ist was kaputt an der Ecke, bitte mal schauen',
      },
    ]);
  });

  it('links a report of the same defect nearby to the open one instead of routing it twice, routes by area, and closes both', async () => {
    const place = somewhere();
    const lightingArea = {
      name: 'Quartier mit eigenem Lichtbetrieb',
      centre: place,
      radiusMetres: 30,
      offices: { beleuchtung: 'Stadtwerke Licht' },
    };
    const { gateway, office } = await givenAGateway({
      OFFICE_AREAS_JSON: JSON.stringify([lightingArea]),
    });
    const first = await postReport(gateway.baseUrl, {
      service_code: 'beleuchtung',
      description: 'Laterne vor Haus 5 ist aus',
      ...place,
    });
    const firstId = String(first.body[0]?.service_request_id);
    const second = await postReport(gateway.baseUrl, {
      description: 'Straßenlaterne kaputt, seit Tagen stockdunkel hier',
      ...north(place, 12),
    });
    const secondId = String(second.body[0]?.service_request_id);
    const farAway = await postReport(gateway.baseUrl, {
      service_code: 'beleuchtung',
      description: 'Laterne aus',
      ...north(place, 60),
    });
    expect(second.body[0]?.service_notice).toMatch(/bereits gemeldet/);
    expect(farAway.body[0]?.service_notice).toMatch(/weitergeleitet/);

    await eventually(() => (office.reports.size >= 2 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'two distinct reports at the office',
    });
    const atOffice = [...office.reports.values()].map((r) => r.serviceRequestId);
    expect(atOffice).toContain(firstId);
    expect(atOffice).not.toContain(secondId);

    expect(await requestOf(gateway.baseUrl, firstId)).toMatchObject({
      agency_responsible: 'Stadtwerke Licht',
    });
    const farAwayId = String(farAway.body[0]?.service_request_id);
    expect(await requestOf(gateway.baseUrl, farAwayId)).toMatchObject({
      agency_responsible: 'Tiefbauamt – Straßenbeleuchtung',
    });

    await office.setStatus(firstId, 'closed', 'Leuchtmittel getauscht.');
    expect(await requestOf(gateway.baseUrl, secondId)).toMatchObject({
      status: 'closed',
      status_notes: 'Leuchtmittel getauscht.',
    });
  });

  it('delivers to an office that was down once it answers again, once', async () => {
    const { gateway, office } = await givenAGateway();
    office.failNext(2);
    const submitted = await postReport(gateway.baseUrl, {
      description: 'Gully verstopft, die ganze Straße steht unter Wasser',
      ...somewhere(),
    });
    const id = String(submitted.body[0]?.service_request_id);
    await eventually(() => [...office.reports.values()].find((r) => r.serviceRequestId === id), {
      timeoutMs: 45_000,
      what: 'the report after two refused deliveries',
    });
    expect(office.deliveries).toBe(3);
    expect(office.reports.size).toBe(1);
  });
});
