import { randomUUID } from 'node:crypto';
import { onTestFinished } from 'vitest';
import { deadLetterTopic, silentLogger } from '@hub/kit';
import { createTestTopic, platform, startOfficeSimulator, testKafka } from '@hub/test-support';
import { open311Config } from '../src/config.js';
import { startOpen311Gateway } from '../src/open311-gateway.js';

export const apiKey = 'test-open311-api-key-0001';
export const staffKey = 'test-open311-staff-key-0001';
const secret = 'test-office-webhook-secret';

/**
 * A running gateway on the shared platform with a topic, consumer group and office simulator of
 * its own; everything stops when the test finishes.
 */
export async function givenAGateway(env: Record<string, string> = {}) {
  const kafka = testKafka();
  const topic = await createTestTopic(kafka, 'open311-routed', { partitions: 2 });
  const office = await startOfficeSimulator({ port: 0, secret, callbackInitialDelayMs: 50 });
  const config = open311Config({
    ...platform(),
    SERVICE_NAME: `open311-${randomUUID().slice(0, 8)}`,
    HTTP_PORT: '0',
    OPS_PORT: '0',
    OPEN311_API_KEYS: apiKey,
    OPEN311_STAFF_KEYS: staffKey,
    OFFICE_WEBHOOK_URL: `${office.url}/reports`,
    OFFICE_WEBHOOK_SECRET: secret,
    TRACE_EXPORTER: 'none',
    ...env,
  });
  const gateway = await startOpen311Gateway(config, silentLogger, { reportRoutedTopic: topic });
  const service = config.SERVICE_NAME;
  onTestFinished(async () => {
    await gateway.stop();
    await office.stop();
    const admin = kafka.admin();
    await admin.connect();
    await admin
      .deleteTopics({ topics: [deadLetterTopic(`${service}.deliver-to-office`)] })
      .catch(() => undefined);
    await admin.disconnect();
  });
  return { gateway, office, topic, kafka, secret, service };
}

/** A point of its own per call, so reports of different tests are never duplicates. */
export function somewhere(): { lat: number; long: number } {
  return { lat: 48 + Math.random() * 4, long: 7 + Math.random() * 6 };
}

/** Metres north of `point`, as latitude. */
export function north(point: { lat: number; long: number }, metres: number) {
  return { lat: point.lat + metres / 111_320, long: point.long };
}

export async function postReport(baseUrl: string, fields: Record<string, string | number>) {
  const response = await fetch(`${baseUrl}/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      api_key: apiKey,
      ...Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, String(value)])),
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>[] };
}

export async function getJson(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as unknown };
}
