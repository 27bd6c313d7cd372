import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { eventTopics, topicCatalogue } from '@hub/contracts';
import { ensureTopics } from '@hub/kit';
import {
  DEFAULT_NOTIFICATION_SECRET,
  startPaymentSimulator,
  type PaymentSimulator,
} from '@hub/payment-simulator';
import {
  platform,
  startGroupsAtEnd,
  startPrivatePostgres,
  startServiceProcess,
  testKafka,
  uniqueServiceName,
  type ServiceProcess,
} from '@hub/test-support';
import { validateXtaEnvelope } from '@hub/xoev';
import { startXtaSimulator, type XtaSimulator } from '@hub/xta-simulator';
import { startEfaChannel } from './efa-channel.js';
import { startWaterChannel } from './water-channel.js';

export const citizen = 'postbox-e2e-4711';
const issuer = 'https://portal.e2e/auth';

export interface TimelineView {
  state: string;
  text: string;
  timeline: { state: string; text: string; occurredAt: string }[];
}

export interface HubOptions {
  /**
   * Also the EfA door: the FIT-Connect simulator and receiver, the postbox simulator and
   * connector (see efa-channel.ts). Off by default: the other files need not wait for them.
   */
  readonly efa?: boolean;
  /**
   * Also the drinking-water side: the health office's XTA box, the lab simulator and the XWasser
   * connector (see water-channel.ts). Off by default.
   */
  readonly water?: boolean;
  /**
   * Processes of each Kafka-consuming service (case router, XBau and payment connectors), one
   * consumer group per service: the fault suite runs two. Defaults to one.
   */
  readonly instances?: number;
  /**
   * Every service on a PostgreSQL server of this hub's own (`hub.database`), which the fault
   * suite stops and starts; otherwise the shared platform's database.
   */
  readonly privateDatabase?: boolean;
}

/**
 * The whole hub as `npm start` runs it: every service its own process against the shared
 * platform, the XTA and payment-provider simulators, and a portal identity provider for tokens.
 */
export async function startHubUnderTest(options: HubOptions = {}) {
  const endpoints = platform();
  await ensureTopics(
    testKafka(),
    topicCatalogue(eventTopics).map((spec) => ({ topic: spec.name, partitions: spec.partitions })),
  );
  // Every SOAP document of the run, both ways, judged by the official XTA 2 XSDs; the simulator is
  // lenient here so that it neither screens nor replaces anything on the way.
  const envelopes = { seen: 0, invalid: [] as string[] };
  const xta: XtaSimulator = await startXtaSimulator({
    port: 0,
    strict: false,
    onExchange: ({ request, response }) => {
      for (const [direction, xml] of [
        ['request', request],
        ['response', response],
      ] as const) {
        envelopes.seen += 1;
        const { valid, reasons } = validateXtaEnvelope(xml);
        if (!valid)
          envelopes.invalid.push(`${direction}: ${reasons.map((r) => r.message).join('; ')}`);
      }
    },
  });
  const provider: PaymentSimulator = await startPaymentSimulator({
    port: 0,
    notificationSigning: { secret: DEFAULT_NOTIFICATION_SECRET },
  });

  const keys = await generateKeyPair('RS256');
  const jwksFile = join(mkdtempSync(join(tmpdir(), 'e2e-')), 'jwks.json');
  writeFileSync(
    jwksFile,
    JSON.stringify({ keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'e2e', alg: 'RS256' }] }),
  );
  const token = await new SignJWT({
    scope: 'applications:submit applications:read',
    citizen_account: citizen,
    azp: 'e2e-portal',
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'e2e' })
    .setIssuer(issuer)
    .setAudience('municipal-hub')
    .setExpirationTime('15m')
    .sign(keys.privateKey);

  // Names of this hub's own: its groups read only what is produced while it runs, and never share
  // partitions with another suite's hub or a developer's `npm start`.
  const services = {
    'portal-gateway': uniqueServiceName('portal-gateway-e2e'),
    'case-router': uniqueServiceName('case-router-e2e'),
    'xbau-connector': uniqueServiceName('xbau-connector-e2e'),
    'payment-connector': uniqueServiceName('payment-connector-e2e'),
    ...(options.efa
      ? {
          'fit-connect-receiver': uniqueServiceName('fit-connect-receiver-e2e'),
          'postbox-connector': uniqueServiceName('postbox-connector-e2e'),
        }
      : {}),
    ...(options.water ? { 'xwasser-connector': uniqueServiceName('xwasser-connector-e2e') } : {}),
  };
  await Promise.all(
    Object.entries(services).map(([catalogueName, name]) =>
      startGroupsAtEnd(testKafka(), name, catalogueName),
    ),
  );
  // Every service picks free ports for its business HTTP and its ops endpoints.
  const database = options.privateDatabase ? await startPrivatePostgres() : undefined;
  const common = {
    ...endpoints,
    ...(database ? { DATABASE_URL: database.url } : {}),
    TRACE_EXPORTER: 'zipkin',
    HTTP_PORT: '0',
    OPS_PORT: '0',
  };
  const profile = {
    // Polling is per provider name: this run's poller leaves other runs' payments alone.
    name: `e2e-${randomUUID().slice(0, 8)}`,
    baseUrl: provider.url,
    originatorId: 'musterstadt',
    endpointId: 'bauamt',
    auth: { kind: 'none' },
    paymentMethods: ['CREDITCARD', 'PAYPAL'],
    notifications: { secret: DEFAULT_NOTIFICATION_SECRET },
  };
  const efaChannel =
    services['fit-connect-receiver'] && services['postbox-connector']
      ? startEfaChannel(
          { receiver: services['fit-connect-receiver'], postbox: services['postbox-connector'] },
          common,
        )
      : undefined;
  const waterChannel = services['xwasser-connector']
    ? startWaterChannel(services['xwasser-connector'], common)
    : undefined;
  const processes: ServiceProcess[] = await Promise.all([
    startServiceProcess(
      'portal-gateway',
      {
        ...common,
        SERVICE_NAME: services['portal-gateway'],
        JWKS_FILE: jwksFile,
        JWT_ISSUER: issuer,
      },
      /started/,
    ),
    startServiceProcess(
      'case-router',
      {
        ...common,
        SERVICE_NAME: services['case-router'],
        // The router watches the connectors' dead letters under the names they run under here.
        PEER_SERVICE_NAMES_JSON: JSON.stringify(services),
      },
      /started/,
    ),
    startServiceProcess(
      'xbau-connector',
      { ...common, SERVICE_NAME: services['xbau-connector'], XTA_ENDPOINT_URL: xta.url },
      /started/,
    ),
    startServiceProcess(
      'payment-connector',
      {
        ...common,
        SERVICE_NAME: services['payment-connector'],
        HTTP_HOST: '127.0.0.1',
        PAYMENT_PROFILE_JSON: JSON.stringify(profile),
      },
      /started/,
    ),
  ]);
  // Copies of the case router and the connectors (processes 1–3), sharing their groups.
  for (let copy = 1; copy < (options.instances ?? 1); copy++)
    processes.push(...(await Promise.all(processes.slice(1, 4).map((one) => one.startAgain()))));
  const efa = await efaChannel;
  if (efa) processes.push(...efa.processes);
  const water = await waterChannel;
  if (water) processes.push(...water.processes);
  const gatewayUrl = String(processes[0]?.logs.find((entry) => typeof entry.url === 'string')?.url);

  return {
    /** Each service's SERVICE_NAME in this hub, by catalogue name (spans carry these). */
    services,
    xta,
    provider,
    /** The hub's own PostgreSQL, when started with `privateDatabase`. */
    database,
    /** The EfA door, when started with `efa`. */
    efa,
    /** The health office's lab side, when started with `water`. */
    water,
    gatewayUrl,
    authorization: `Bearer ${token}`,
    /** POSTs an application as the portal does, under a trace of its own, with extra `headers`. */
    async submit(application: unknown, headers: Record<string, string> = {}) {
      const traceId = randomBytes(16).toString('hex');
      const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
      const response = await fetch(`${gatewayUrl}/v1/applications`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          traceparent,
          ...headers,
        },
        body: JSON.stringify(application),
      });
      return { response, traceId, traceparent };
    },
    async view(applicationId: string): Promise<TimelineView> {
      const response = await fetch(`${gatewayUrl}/v1/applications/${applicationId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return (await response.json()) as TimelineView;
    },
    /** The SOAP documents exchanged with the XTA simulator so far, and the XSD-invalid ones. */
    xtaEnvelopes(): { seen: number; invalid: readonly string[] } {
      return envelopes;
    },
    /** Every service process of this hub, by its `name` (the project, e.g. `case-router`). */
    processes(): readonly ServiceProcess[] {
      return processes;
    },
    /** SIGKILLs the process at `index` of `processes()` and starts another in its place. */
    async crash(index: number): Promise<void> {
      const victim = processes[index];
      if (!victim) throw new TypeError(`no process ${index}`);
      await victim.kill();
      processes[index] = await victim.startAgain();
    },
    /** Every JSON log line the services wrote so far. */
    logs(): Record<string, unknown>[] {
      return processes.flatMap((service) => service.logs);
    },
    async stop(): Promise<void> {
      // What went wrong inside the services, for the reader of a failed run.
      for (const service of processes) {
        const trouble = service.logs.filter(
          (entry) => typeof entry.level === 'number' && entry.level >= 40,
        );
        if (trouble.length > 0)
          console.warn(service.name, JSON.stringify(trouble.slice(-10), null, 1));
      }
      await Promise.all(processes.map((service) => service.stop()));
      await Promise.all([xta.stop(), provider.stop(), efa?.stop(), water?.stop()]);
      await database?.remove();
    },
  };
}

export type HubUnderTest = Awaited<ReturnType<typeof startHubUnderTest>>;

/** The hub for the suites of one file: started before them, stopped after them. */
export function hubForThisFile(options: HubOptions = {}): () => HubUnderTest {
  let hub: HubUnderTest | undefined;
  beforeAll(async () => {
    hub = await startHubUnderTest(options);
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });
  return () => {
    if (!hub) throw new TypeError('the hub under test did not start (see beforeAll)');
    return hub;
  };
}

/** What XBau 0200 needs besides the applicant: the project, the cadastral parcel, a site plan. */
export function buildingPermitApplication(
  municipalityKey: string,
  fee?: string,
  applicant = {
    givenName: 'Erika',
    familyName: 'Mustermann',
    address: { street: 'Domkloster', houseNumber: '4', postalCode: '50667', city: 'Köln' },
  },
) {
  return {
    serviceKey: '99010003001000',
    municipalityKey,
    citizenAccountRef: citizen,
    formId: 'bauantrag-nrw@2026-01',
    applicant,
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
    ...(fee ? { fee: { amount: fee, currency: 'EUR' } } : {}),
  };
}

/** Letters no other run uses, for names a fault is aimed at (names may not carry digits). */
export function uniqueLetters(): string {
  return randomUUID()
    .replace(/[^0-9a-f]/g, '')
    .slice(0, 10)
    .replace(/\d/g, (digit) => 'ghijklmnopq'[Number(digit)] ?? 'g')
    .replace(/^./, (first) => first.toUpperCase());
}
