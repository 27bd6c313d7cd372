import { afterEach, describe, expect, it } from 'vitest';
import { localProcesses, type LocalProcess } from './local-processes.js';

const endpoints = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081/apis/ccompat/v7',
  ZIPKIN_URL: 'http://127.0.0.1:9411',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hub_0123456789ab',
};
const services = [
  'case-router',
  'fit-connect-receiver',
  'open311-gateway',
  'ops-console',
  'payment-connector',
  'portal-gateway',
  'postbox-connector',
  'xbau-connector',
  'xwasser-connector',
];

/** Every port a process listens on: its ready URL's and the port variables it is given. */
function listening(local: LocalProcess): number[] {
  const variables = [
    'PORT',
    'HTTP_PORT',
    'OPS_PORT',
    'XTA_SIMULATOR_PORT',
    'PAYMENT_SIMULATOR_PORT',
    'OUTBOUND_SIMULATOR_PORT',
    'OFFICE_SIMULATOR_PORT',
    'FIT_CONNECT_SIMULATOR_PORT',
    'LAB_SIMULATOR_PORT',
    'LAB_SIMULATOR_ADMIN_PORT',
    'POSTBOX_SIMULATOR_PORT',
  ];
  return [
    Number(new URL(local.readyUrl).port),
    ...variables.flatMap((name) => (local.env[name] ? [Number(local.env[name])] : [])),
  ];
}

describe('localProcesses', () => {
  afterEach(() => {
    delete process.env.HUB_PORT_OFFSET;
  });

  it('gives every process ports of its own', () => {
    const processes = localProcesses(endpoints, services);
    const owners = new Map<number, string>();
    for (const local of processes)
      for (const port of new Set(listening(local))) {
        expect(owners.get(port), `port ${port}`).toBeUndefined();
        owners.set(port, local.name);
      }
  });

  it('moves every port and every URL by HUB_PORT_OFFSET, so a second clone runs beside the first', () => {
    const first = localProcesses(endpoints, services);
    process.env.HUB_PORT_OFFSET = '1000';
    const second = localProcesses(endpoints, services);

    const firstPorts = new Set(first.flatMap(listening));
    for (const [index, local] of second.entries()) {
      expect(listening(local)).toEqual(
        listening(first[index] as LocalProcess).map((p) => p + 1000),
      );
      for (const port of listening(local))
        expect(firstPorts.has(port), `${local.name}:${port}`).toBe(false);
    }
    const urls = JSON.stringify(second.map((local) => [local.url, local.env]));
    for (const port of firstPorts) expect(urls).not.toContain(`127.0.0.1:${port}`);
  });
});
