import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import {
  eventTopics,
  examples,
  schemaType,
  topicCatalogue,
  type ApplicationSubmitted,
  type PaymentSettled,
  type SchemaName,
} from '@hub/contracts';
import { readDeadLetters } from '@hub/dead-letters';
import { ensureTopics, eventHeaders, outboundId } from '@hub/kit';
import {
  eventually,
  platform,
  startServiceProcess,
  testKafka,
  testProducer,
  type ServiceProcess,
} from '@hub/test-support';
import { operatorToken } from './operator-tokens.js';

/** Where the screenshots go: `docs/screenshots` when asked (to commit them), else a temp dir. */
const screenshots =
  process.env.OPS_CONSOLE_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'ops-console-'));
const settledDlq = 'dlq.case-router.payment-settled';
/** Debian's chromium: playwright-core brings no browser of its own. */
const chromiumPath = '/usr/bin/chromium';

describe('ops console in a real browser: search → timeline → replay of a dead letter → the case moves on', () => {
  const kafka = testKafka();
  const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
  const pool = new pg.Pool({ connectionString: platform().DATABASE_URL, max: 2 });
  let router: ServiceProcess | undefined;
  let opsConsole: ServiceProcess | undefined;
  let consoleUrl = '';
  let browser: Browser | undefined;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    await ensureTopics(
      kafka,
      topicCatalogue(eventTopics).map((spec) => ({
        topic: spec.name,
        partitions: spec.partitions,
      })),
    );
    // Spans go to the platform's Zipkin, so the timeline can show the handling attempts.
    const endpoints = { ...platform(), OPS_PORT: '0', TRACE_EXPORTER: 'zipkin' };
    const jwksFile = fileURLToPath(import.meta.resolve('@hub/deploy-config/dev/portal-jwks.json'));
    // Few, fast retries: an event about an unknown case reaches the dead-letter topic in a second.
    router = await startServiceProcess(
      'case-router',
      {
        ...endpoints,
        RETRY_MAX_ATTEMPTS: '2',
        RETRY_INITIAL_DELAY_MS: '50',
        RETRY_MAX_DELAY_MS: '100',
      },
      /case-router started/,
    );
    opsConsole = await startServiceProcess(
      'ops-console',
      { ...endpoints, HTTP_PORT: '0', JWKS_FILE: jwksFile },
      /ops-console started/,
    );
    consoleUrl = String(opsConsole.logs.find((line) => line.msg === 'ops-console started')?.url);
    if (!existsSync(chromiumPath))
      throw new TypeError(`No ${chromiumPath}: apt-get install chromium (.ci/run does so in CI).`);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await opsConsole?.stop();
    await router?.stop();
    await pool.end();
  });

  async function send(
    topic: string,
    schema: SchemaName,
    value: { applicationId: string },
    headers = {},
  ) {
    const producer = await testProducer(kafka);
    await producer.send({
      topic,
      acks: -1,
      messages: [
        {
          key: value.applicationId,
          value: await serde.encode(`${topic}-value`, schemaType(schema), value),
          headers: { [eventHeaders.eventId]: randomUUID(), ...headers },
        },
      ],
    });
  }

  async function caseState(applicationId: string): Promise<string | undefined> {
    const { rows } = await pool.query<{ state: string }>(
      'select state from case_router_cases where application_id = $1',
      [applicationId],
    );
    return rows[0]?.state;
  }

  async function shot(page: Page, name: string) {
    await page.screenshot({ path: join(screenshots, `ops-console-${name}.png`), fullPage: true });
  }

  async function statesOf(applicationId: string): Promise<string[]> {
    const { rows } = await pool.query<{ to_state: string }>(
      'select to_state from case_router_history where application_id = $1 order by seq',
      [applicationId],
    );
    return rows.map((row) => row.to_state);
  }

  it('lets an operator find the stuck application, replay its dead letter and see it move on', async () => {
    // Given: the payment of an application is reported settled before the application arrives …
    // (a payment path: no connector of the shared platform moves such a case on by itself)
    const applicationId = randomUUID();
    const traceId = randomBytes(16).toString('hex');
    const settled: PaymentSettled = {
      ...examples['payment/payment-settled'],
      applicationId,
      // The one payment the router asks for (its fee guard), for the fee of the route.
      paymentId: outboundId(applicationId, 'payment'),
      amount: { amount: '250.00', currency: 'EUR' },
    };
    await send('payment.payment-settled.v1', 'payment/payment-settled', settled, {
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
    });
    // … so the router gives up on it (CASE_UNKNOWN) and dead-letters it,
    const [letter] = await eventually(
      async () => {
        const mine = (await readDeadLetters(kafka, settledDlq, 'ops-console-test')).filter(
          (candidate) => candidate.key?.toString() === applicationId,
        );
        return mine.length > 0 ? mine : undefined;
      },
      { timeoutMs: 60_000, what: 'the dead-lettered settlement' },
    );
    // … and then the application arrives and waits for its fee (Dortmund: 250.00 EUR).
    const application: ApplicationSubmitted = {
      ...examples['portal/application-submitted'],
      applicationId,
      serviceKey: '99010003001000',
      municipalityKey: '05913000',
      fee: null,
    };
    await send('portal.application-submitted.v1', 'portal/application-submitted', application);
    await eventually(
      async () => ((await caseState(applicationId)) === 'AWAITING_PAYMENT' ? true : undefined),
      { timeoutMs: 30_000, what: 'the case in AWAITING_PAYMENT' },
    );

    if (!browser) throw new TypeError('chromium did not start');
    const page = await browser.newPage();
    // When: a citizen's portal token is refused, an operator token is accepted …
    await page.goto(`${consoleUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    await page.fill('#token', await operatorToken('citizen', 'ops:read', 'municipal-hub'));
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[role=alert]')).toContain('nicht akzeptiert');
    await page.fill('#token', await operatorToken('browser-test-operator'));
    await page.click('button[type=submit]');

    // … who searches the application: its timeline shows the state and the dead letter,
    await page.fill('#antrag', applicationId);
    await page.click('button[type=submit]');
    expect(await page.textContent('#zustand')).toContain('AWAITING_PAYMENT');
    expect(await page.textContent('#zeitleiste')).toContain('CASE_UNKNOWN');
    expect(await page.getAttribute(`a[href$="/zipkin/traces/${traceId}"]`, 'href')).toBe(
      `${platform().ZIPKIN_URL}/zipkin/traces/${traceId}`,
    );
    await shot(page, 'timeline');
    // … sees it among the cases unchanged for longer than a moment, in its state,
    await page.goto(`${consoleUrl}/haengend?minuten=0.01`);
    expect(await page.locator('h2:has-text("AWAITING_PAYMENT") + table').textContent()).toContain(
      applicationId,
    );
    await page.goBack();

    // … opens the dead letter (headers and a safe preview) and replays it after confirming.
    await page.click(`a[href*="${encodeURIComponent(settledDlq)}"]`);
    expect(await page.textContent('#kopfzeilen')).toContain('CASE_UNKNOWN');
    expect(await page.textContent('#vorschau')).toContain('applicationId');
    await shot(page, 'dead-letter');
    await page.click('text=Erneut einspielen …');
    expect(await page.textContent('#auswahl')).toContain(letter?.id);
    await shot(page, 'confirm-replay');
    await page.click('text=Ja, jetzt erneut einspielen');
    expect(await page.textContent('#ergebnis')).toContain(
      'eingespielt nach payment.payment-settled.v1',
    );

    // Then: the case moves on, the page says so, and the audit names who replayed what.
    await eventually(
      async () =>
        (await statesOf(applicationId)).includes('DELIVERY_REQUESTED') ? true : undefined,
      { timeoutMs: 30_000, what: 'the case paid and its delivery requested after the replay' },
    );
    await page.goto(`${consoleUrl}/?antrag=${applicationId}`);
    expect(await page.textContent('#zustand')).not.toContain('AWAITING_PAYMENT');
    expect(await page.textContent('#zeitleiste')).toContain(
      'AWAITING_PAYMENT → DELIVERY_REQUESTED',
    );
    await shot(page, 'moved-on');
    // A second replay of the same letter is possible, but the confirmation warns.
    await page.goto(`${consoleUrl}/fehlerablage/brief?id=${encodeURIComponent(letter?.id ?? '')}`);
    await page.click('text=Erneut einspielen …');
    expect(await page.textContent('#auswahl')).toContain('bereits 1× eingespielt');
    await page.goto(`${consoleUrl}/protokoll`);
    const audit = await page.textContent('#protokoll');
    expect(audit).toContain('browser-test-operator');
    expect(audit).toContain(letter?.id);
    await shot(page, 'audit');

    // The workbench marks the letter as replayed; the router's groups show with their lag.
    await page.goto(`${consoleUrl}/fehlerablage?code=CASE_UNKNOWN&schluessel=${applicationId}`);
    expect(await page.textContent('#fehlerbriefe')).toMatch(/1×/);
    await shot(page, 'workbench');
    await page.goto(`${consoleUrl}/verzoegerung?gruppe=case-router.`);
    expect(await page.textContent('#rueckstand')).toContain('case-router.payment-settled');
    await shot(page, 'lag');
    await page.close();
  });

  it('replays nothing for a form without the session’s token or for an operator without ops:replay', async () => {
    const replays = async () =>
      (await pool.query<{ count: string }>('select count(*) from ops_console_replays')).rows[0]
        ?.count;
    const before = await replays();
    const post = async (token: string, body: string) =>
      fetch(`${consoleUrl}/fehlerablage/einspielen`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
      });
    const csrfOf = async (token: string) => {
      const workbench = await fetch(`${consoleUrl}/fehlerablage`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return /name="csrf" value="([^"]+)"/.exec(await workbench.text())?.[1] ?? '';
    };
    const replayer = await operatorToken('intruder');
    const reader = await operatorToken('reader', 'ops:read');

    const forged = await post(replayer, `id=${settledDlq}:0:0`);
    expect(forged.status).toBe(403);
    const readOnly = await post(reader, `id=${settledDlq}:0:0&csrf=${await csrfOf(reader)}`);
    expect(readOnly.status).toBe(403);
    expect(await readOnly.text()).toContain('fehlt die Berechtigung ops:replay');
    expect(await replays()).toBe(before);
  });
});
