import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { outboundBreakers } from '../outage/outbound-breakers.js';

/** A dependency the service cannot work without; resolves when it answers. */
export type ReadinessCheck = () => Promise<unknown>;

export interface OpsServerOptions {
  readonly port: number;
  readonly metrics: Registry;
  /** e.g. { kafka, registry, database } */
  readonly readiness: Record<string, ReadinessCheck>;
  readonly checkTimeoutMs?: number;
}

/**
 * `/health/live` (the process answers), `/health/ready` (every dependency answers in time: 200,
 * else 503 naming the ones that did not) and `/metrics` (Prometheus text format). An outside
 * endpoint that is unreachable makes the service `degraded`, still 200: it keeps accepting and
 * parks the work for that endpoint, so a load balancer must not take it out of rotation.
 */
export async function startOpsServer(
  options: OpsServerOptions,
): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const reply = (status: number, type: string, body: string): void => {
      response.writeHead(status, { 'content-type': type }).end(body);
    };
    const json = (status: number, body: unknown): void => {
      reply(status, 'application/json', JSON.stringify(body));
    };
    switch (request.url) {
      case '/health/live':
        json(200, { status: 'up' });
        break;
      case '/health/ready':
        void readiness(options).then((checks) => {
          const up = Object.values(checks).every((state) => state === 'up');
          const circuits = unreachableEndpoints();
          if (!up) json(503, { status: 'down', checks });
          else if (Object.keys(circuits).length > 0)
            json(200, { status: 'degraded', checks, circuits });
          else json(200, { status: 'up', checks });
        });
        break;
      case '/metrics':
        void options.metrics.metrics().then((text) => {
          reply(200, options.metrics.contentType, text);
        });
        break;
      default:
        json(404, { status: 'not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port, '0.0.0.0', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function readiness(options: OpsServerOptions): Promise<Record<string, 'up' | 'down'>> {
  const timeoutMs = options.checkTimeoutMs ?? 2_000;
  const entries = await Promise.all(
    Object.entries(options.readiness).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(reject, timeoutMs);
      });
      try {
        await Promise.race([check(), late]);
        return [name, 'up'] as const;
      } catch {
        return [name, 'down'] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** Outbound endpoints whose circuit is not closed, with the circuit's state. */
function unreachableEndpoints(): Record<string, string> {
  const breakers = outboundBreakers.all().filter((breaker) => breaker.state !== 'closed');
  return Object.fromEntries(breakers.map((breaker) => [breaker.endpoint, breaker.state]));
}
