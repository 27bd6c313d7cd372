import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  parseXml,
  readLabReport,
  toQuittung0020,
  xwasser,
  XoevValidator,
  XtaClient,
  type XwasserContext,
} from '@hub/xoev';
import { startXtaSimulator, type XtaSimulator } from '@hub/xta-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleAdmin } from '../src/admin-routes.js';
import { startLabSimulator, type LabSimulator } from '../src/index.js';

describe('lab simulator', () => {
  const validator = new XoevValidator();
  let office: XtaSimulator;
  let officeBox: XtaClient;
  let lab: LabSimulator;

  beforeAll(async () => {
    office = await startXtaSimulator({ port: 0, role: 'message-box' });
    officeBox = XtaClient.create({
      endpoint: office.url,
      security: { kind: 'none' },
      timeoutMs: 5_000,
    });
    lab = await startLabSimulator({ port: 0, healthOfficeXtaUrl: office.url });
  });
  afterAll(async () => {
    await lab.stop();
    await office.stop();
    validator.dispose();
  });

  it('sends a report valid against the official XSDs with the configured values, assessed by the limit table', async () => {
    const sent = await lab.sendReport({
      measurements: [
        { parameterCode: '1104', value: 0.018 },
        { parameterCode: '1105', value: 0.4 },
      ],
    });

    const xml = await officeBox.getMessage(sent.xtaMessageId);
    expect((await validator.validate(xml)).reasons).toEqual([]);
    const report = readLabReport((await parseXml(xml)).root);
    expect(report?.caseId).toBe(sent.caseId);
    expect(
      report?.samples[0]?.measurements.map((m) => [
        m.parameterName,
        m.value,
        m.unitCode,
        m.assessmentCode,
      ]),
    ).toEqual([
      ['Blei', 0.018, 'mg/l', '1020'],
      ['Kupfer', 0.4, 'mg/l', '1010'],
    ]);
  });

  it('records the Quittung the health office puts into its box, and takes it out', async () => {
    const sent = await lab.sendReport({ measurements: [{ parameterCode: '1021', value: 3 }] });
    const context: XwasserContext = {
      nachrichtenUUID: '11111111-2222-4333-8444-555555555555',
      createdAt: new Date(),
      author: { id: 'gesundheitsamt:05315000', name: 'Gesundheitsamt Köln' },
      reader: { id: 'labor:DE-TW-0042', name: 'Musterlabor Trinkwasser GmbH' },
      referenzUUID: sent.nachrichtenUUID,
      product: { name: 'Test', vendor: 'Test', version: '1' },
    };
    const toLab = XtaClient.create({
      endpoint: lab.boxUrl,
      security: { kind: 'none' },
      timeoutMs: 5_000,
    });
    await toLab.sendMessage(await toLab.createMessageId(), toQuittung0020(sent.caseId, context), {
      author: context.author.id,
      reader: context.reader.id,
      service: xwasser.service,
      businessScenario: xwasser.businessScenario,
      messageType: { code: '0020', payloadSchema: xwasser.namespace },
    });

    expect(await lab.collectAnswers()).toEqual([
      expect.objectContaining({
        messageName: 'administration.quittung.0020',
        referenzUUID: sent.nachrichtenUUID,
        caseId: sent.caseId,
        statusCode: '1000',
      }),
    ]);
    expect(await lab.collectAnswers()).toEqual([]);
  });

  /** Runs `use` against the lab's HTTP endpoints on a port of its own, with a POST helper. */
  async function overHttp(
    use: (post: (path: string, body: string) => Promise<Response>) => Promise<void>,
  ): Promise<void> {
    const server = createServer((request, response) => void handleAdmin(lab, request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await use((path, body) =>
        fetch(`${base}${path}`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        }),
      );
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }

  it('refuses a bad order over HTTP naming the field, and stays up', async () => {
    await overHttp(async (postTo) => {
      const post = (body: string) => postTo('/reports', body);
      const bad = await post(
        JSON.stringify({ measurements: [{ parameterCode: '1104', value: 'viel' }] }),
      );
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({
        errors: [expect.objectContaining({ path: '/measurements/0/value' })],
      });
      expect((await post('{ kein json')).status).toBe(400);
      expect((await post('x'.repeat(2_000_000))).status).toBe(413);
      const good = await post(
        JSON.stringify({ measurements: [{ parameterCode: '1104', value: 0.002 }] }),
      );
      expect(good.status).toBe(202);
    });
  });

  it('takes a health office’s order once and reports on it to that office, under its case and order number', async () => {
    const order = {
      orderId: '0d9b7a52-3c1e-4f6a-8b2d-5e7c9a1b3d4f',
      caseId: '6a1f3c8e-2b4d-4e9a-9c7b-1d3e5f7a9b2c',
      samplingPoint: 'Küche, Erdgeschoss',
      reportTo: { id: 'gesundheitsamt:05913000', name: 'Gesundheitsamt Dortmund' },
    };
    await overHttp(async (post) => {
      const first = await post('/orders', JSON.stringify(order));
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({ orderId: order.orderId, caseId: order.caseId });
      // A retry of the same order is the same order; another order under its id is refused.
      expect((await post('/orders', JSON.stringify(order))).status).toBe(200);
      const other = { ...order, samplingPoint: 'Bad' };
      expect((await post('/orders', JSON.stringify(other))).status).toBe(409);
      expect(lab.orders.all().filter((o) => o.orderId === order.orderId)).toEqual([order]);

      const unknown = JSON.stringify({
        orderId: 'ffffffff-3c1e-4f6a-8b2d-5e7c9a1b3d4f',
        measurements: [{ parameterCode: '1104', value: 0.018 }],
      });
      expect((await post('/reports', unknown)).status).toBe(404);
      const reported = await post(
        '/reports',
        JSON.stringify({
          orderId: order.orderId,
          measurements: [{ parameterCode: '1104', value: 0.018 }],
        }),
      );
      expect(reported.status).toBe(202);
      const sent = (await reported.json()) as { xtaMessageId: string; caseId: string };
      const xml = await officeBox.getMessage(sent.xtaMessageId);
      expect((await validator.validate(xml)).reasons).toEqual([]);
      const report = readLabReport((await parseXml(xml)).root);
      expect(report).toMatchObject({
        caseId: order.caseId,
        orderNumber: order.orderId,
        samplingPoint: { name: order.samplingPoint },
      });
      expect(xml).toContain(order.reportTo.id);
    });
  });

  it.each([
    ['not JSON', '{"orderId":', 400],
    ['a field too many', { extra: true }, 400],
    ['an order id that is no UUID', { orderId: "1' OR '1'='1" }, 400],
    ['markup as the sampling point', { samplingPoint: '<x:include href="/etc/passwd"/>' }, 400],
    ['a sampling point of 10 000 characters', { samplingPoint: 'K'.repeat(10_000) }, 400],
    ['a control character in the office name', { reportTo: { id: 'ga:1', name: 'A\u0000B' } }, 400],
    ['a body above 1 MB', 'x'.repeat(2_000_000), 413],
  ])('refuses an order with %s, and stays up', async (_, change, status) => {
    const order = {
      orderId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      caseId: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
      samplingPoint: 'Küche',
      reportTo: { id: 'gesundheitsamt:05913000', name: 'Gesundheitsamt Dortmund' },
    };
    const body = typeof change === 'string' ? change : JSON.stringify({ ...order, ...change });
    await overHttp(async (post) => {
      expect((await post('/orders', body)).status).toBe(status);
      expect((await post('/orders', JSON.stringify(order))).status).toBeLessThan(300);
    });
  });
});
