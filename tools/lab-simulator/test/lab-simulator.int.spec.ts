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
    officeBox = await XtaClient.create({
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
    const toLab = await XtaClient.create({
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

  it('refuses a bad order over HTTP naming the field, and stays up', async () => {
    const server = createServer((request, response) => void handleAdmin(lab, request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const post = (body: string) =>
        fetch(`${base}/reports`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        });
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
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
