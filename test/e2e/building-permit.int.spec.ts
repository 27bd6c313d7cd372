import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTopics, topicCatalogue } from '@hub/contracts';
import { ensureTopics } from '@hub/kit';
import { startXtaSimulator, type XtaSimulator } from '@hub/xta-simulator';
import {
  eventually,
  platform,
  startServiceProcess,
  testKafka,
  type ServiceProcess,
} from '@hub/test-support';

/*
 * The main flow end to end, every part real and every service its own process:
 * portal POST → portal-gateway → case-router → xbau-connector → XTA simulator (authority) →
 * replies → case-router → citizen timeline in the gateway; one trace from the portal's traceparent.
 */

const citizen = 'postbox-e2e-4711';
const issuer = 'https://portal.e2e/auth';

interface View {
  state: string;
  timeline: { state: string; text: string; occurredAt: string }[];
}

describe('a building-permit application from the portal to the authority and back', () => {
  const processes: ServiceProcess[] = [];
  let simulator: XtaSimulator;
  let gatewayUrl = '';
  let token = '';

  beforeAll(async () => {
    const endpoints = platform();
    await ensureTopics(
      testKafka(),
      topicCatalogue(eventTopics).map((spec) => ({
        topic: spec.name,
        partitions: spec.partitions,
      })),
    );
    simulator = await startXtaSimulator({ port: 0 });

    const keys = await generateKeyPair('RS256');
    const jwksFile = join(mkdtempSync(join(tmpdir(), 'e2e-')), 'jwks.json');
    writeFileSync(
      jwksFile,
      JSON.stringify({
        keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'e2e', alg: 'RS256' }],
      }),
    );
    token = await new SignJWT({
      scope: 'applications:submit applications:read',
      citizen_account: citizen,
      azp: 'e2e-portal',
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'e2e' })
      .setIssuer(issuer)
      .setAudience('municipal-hub')
      .setExpirationTime('15m')
      .sign(keys.privateKey);

    const common = { ...endpoints, TRACE_EXPORTER: 'zipkin', ZIPKIN_URL: endpoints.ZIPKIN_URL };
    const [gateway, ...others] = await Promise.all([
      startServiceProcess(
        'portal-gateway',
        { ...common, PORT: '0', HTTP_PORT: '0', JWKS_FILE: jwksFile, JWT_ISSUER: issuer },
        /listening/,
      ),
      startServiceProcess('case-router', { ...common, HTTP_PORT: '0' }, /started/),
      startServiceProcess(
        'xbau-connector',
        { ...common, HTTP_PORT: '0', XTA_ENDPOINT_URL: simulator.url },
        /started|listening|ready/,
      ),
    ]);
    processes.push(gateway, ...others);
    gatewayUrl = String(gateway.logs.find((entry) => typeof entry.url === 'string')?.url);
  });

  afterAll(async () => {
    // What went wrong inside the services, for the reader of a failed run.
    for (const service of processes) {
      const trouble = service.logs.filter(
        (entry) => typeof entry.level === 'number' && entry.level >= 40,
      );
      if (trouble.length > 0)
        console.warn(service.name, JSON.stringify(trouble.slice(-10), null, 1));
    }
    await Promise.all(processes.map((service) => service.stop()));
    await simulator.stop();
  });

  it('shows every step in order on the citizen timeline, under one trace', async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(`${gatewayUrl}/v1/applications`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
      body: JSON.stringify({
        serviceKey: '99010003001000',
        municipalityKey: '05315000', // Köln: no fee in the routing table, XBau 2.5
        citizenAccountRef: citizen,
        formId: 'bauantrag-nrw@2026-01',
        applicant: {
          givenName: 'Erika',
          familyName: 'Mustermann',
          address: { street: 'Domkloster', houseNumber: '4', postalCode: '50667', city: 'Köln' },
        },
        // What XBau 0200 needs besides the applicant: the project and the cadastral parcel.
        formFields: [
          { key: 'bauvorhaben.bezeichnung', value: 'Errichtung eines Carports' },
          { key: 'bauvorhaben.massnahme', value: '10' },
          { key: 'baugrundstueck.gemarkung', value: 'Altstadt-Nord' },
          { key: 'baugrundstueck.flurstueck.zaehler', value: '123' },
        ],
        attachments: [
          {
            attachmentId: '5b1e1f0a-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
            fileName: 'lageplan.png',
            mediaType: 'image/png',
            sizeBytes: 48_211,
            sha256: 'a3f5b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9',
            storageUri: 'dms://uploads/5b1e1f0a-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
          },
        ],
      }),
    });
    expect(response.status).toBe(202);
    const { applicationId } = (await response.json()) as { applicationId: string };

    const view = await eventually(
      async () => {
        const current = await fetch(`${gatewayUrl}/v1/applications/${applicationId}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await current.json()) as View;
        return body.state === 'COMPLETED' ? body : undefined;
      },
      {
        timeoutMs: 90_000,
        intervalMs: 500,
        what: 'the application to be COMPLETED on the citizen timeline',
      },
    );
    const states = view.timeline.map((step) => step.state);
    expect(states[0]).toBe('SUBMITTED');
    expect(states).toContain('RECEIVED');
    expect(states.indexOf('ACTION_REQUIRED')).toBeGreaterThan(states.indexOf('RECEIVED'));
    expect(states.at(-1)).toBe('COMPLETED');
    const times = view.timeline.map((step) => Date.parse(step.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(simulator.deliveries.size).toBeGreaterThan(0);

    const services = await eventually(
      async () => {
        const trace = await fetch(`${platform().ZIPKIN_URL}/api/v2/trace/${traceId}`);
        if (!trace.ok) return undefined;
        const names = new Set(
          ((await trace.json()) as { localEndpoint?: { serviceName?: string } }[]).map(
            (span) => span.localEndpoint?.serviceName,
          ),
        );
        return ['portal-gateway', 'case-router', 'xbau-connector'].every((name) => names.has(name))
          ? names
          : undefined;
      },
      { timeoutMs: 30_000, what: `spans of all three services in trace ${traceId}` },
    );
    expect([...services]).toEqual(
      expect.arrayContaining(['portal-gateway', 'case-router', 'xbau-connector']),
    );
  }, 180_000);
});
