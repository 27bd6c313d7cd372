import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localProcesses } from '@hub/start/local-processes';
import {
  DEFAULT_NOTIFICATION_SECRET,
  startPaymentSimulator,
  type PaymentSimulator,
} from '@hub/payment-simulator';
import { platform, startServiceProcess, type ServiceProcess } from '@hub/test-support';
import { startXtaSimulator, type XtaSimulator } from '@hub/xta-simulator';
import {
  announcedMetrics,
  isScraped,
  metrics,
  unscrapedServices,
} from '../src/metric-catalogue.js';
import { opsPortVariable, servableServices } from '../src/scrape-targets.js';
import { freePort } from './free-port.js';

/** The names a `/metrics` page declares: prom-client prints HELP even before a first sample. */
function declaredMetrics(page: string): Set<string> {
  return new Set([...page.matchAll(/^# HELP (\S+) /gm)].map((match) => match[1] ?? ''));
}

/**
 * Every service as `npm start` configures it (its own env from local-processes.ts), with free
 * ports, the simulators of this run and a payment profile of its own, so no other run is touched.
 */
describe('the metric table against what the services really export', () => {
  const services = servableServices();
  const pages = new Map<string, Set<string>>();
  const running: ServiceProcess[] = [];
  let xta: XtaSimulator | undefined;
  let provider: PaymentSimulator | undefined;

  beforeAll(async () => {
    xta = await startXtaSimulator({ port: 0 });
    provider = await startPaymentSimulator({
      port: 0,
      notificationSigning: { secret: DEFAULT_NOTIFICATION_SECRET },
    });
    const profile = {
      name: `inventory-${randomUUID().slice(0, 8)}`,
      baseUrl: provider.url,
      originatorId: 'musterstadt',
      endpointId: 'bauamt',
      auth: { kind: 'none' },
      paymentMethods: ['CREDITCARD'],
      notifications: { secret: DEFAULT_NOTIFICATION_SECRET },
    };
    const locals = localProcesses(platform(), services).filter((local) =>
      services.includes(local.name),
    );
    const started = await Promise.all(
      locals.map(async (local) => {
        const opsPort = await freePort();
        const env: Record<string, string> = {
          ...local.env,
          PORT: '0',
          HTTP_PORT: '0',
          [opsPortVariable(local.env)]: String(opsPort),
          ...(local.env.XTA_ENDPOINT_URL ? { XTA_ENDPOINT_URL: xta?.url ?? '' } : {}),
          ...(local.env.PAYMENT_PROFILE_JSON
            ? { PAYMENT_PROFILE_JSON: JSON.stringify(profile) }
            : {}),
        };
        const service = await startServiceProcess(local.name, env, /started/);
        running.push(service);
        return { name: local.name, opsPort };
      }),
    );
    for (const { name, opsPort } of started) {
      const response = await fetch(`http://127.0.0.1:${opsPort}/metrics`).catch(() => undefined);
      if (response?.ok) pages.set(name, declaredMetrics(await response.text()));
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await Promise.all([xta?.stop(), provider?.stop()]);
  });

  it('finds every scraped service answering /metrics on the port the scrape config uses', () => {
    expect([...pages.keys()].sort()).toEqual(services.filter(isScraped));
  });

  it('finds the services listed as unscraped still serving no /metrics (else: scrape them)', () => {
    expect(unscrapedServices.filter((unscraped) => pages.has(unscraped.service))).toEqual([]);
  });

  it('finds each metric of the table on every service the table says exports it', () => {
    const missing = Object.values(metrics).flatMap((metric) =>
      metric.exportedBy
        .filter((service) => !pages.get(service)?.has(metric.name))
        .map((service) => `${metric.name} on ${service}`),
    );
    expect(missing).toEqual([]);
  });

  it('finds no announced metric yet: when one appears, move it to the table and add its rule', () => {
    const exported = new Set([...pages.values()].flatMap((names) => [...names]));
    expect(announcedMetrics.filter((metric) => exported.has(metric.name))).toEqual([]);
  });
});
