import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The versions the local platform runs; bumping one here re-resolves it from Maven Central. */
export const versions = {
  kafka: '4.3.1',
  // 3.0.x is the newest line built for Java 17; 3.1+ needs Java 21 (see docs/adr/0002).
  apicurioRegistry: '3.0.9',
  zipkin: '3.6.1',
} as const;

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Where one stack keeps its state and on which loopback ports it listens. */
export interface StackLayout {
  /** Logs, pid files and data of this stack (git-ignored). */
  readonly home: string;
  /** Resolved Maven artifacts, shared by every stack on the machine. */
  readonly cache: string;
  readonly nodes: number;
  /** Client port of the first broker; broker i listens on kafkaBasePort + 10 * i, its controller one above. */
  readonly kafkaBasePort: number;
  readonly registryPort: number;
  readonly zipkinPort: number;
  /** Port of the embedded PostgreSQL, used only where no PostgreSQL server answers. */
  readonly embeddedPostgresPort: number;
  /** Port of Prometheus, started only with `up --with-prometheus`. */
  readonly prometheusPort: number;
}

/**
 * Added to every default port of the platform and of `npm start`'s processes, so a second clone
 * runs beside the first with one variable (`HUB_PORT_OFFSET=1000 npm start`).
 */
export function portOffset(): number {
  const raw = process.env.HUB_PORT_OFFSET;
  if (raw === undefined || raw === '') return 0;
  const offset = Number(raw);
  if (!Number.isInteger(offset) || offset < 0 || offset > 40_000) {
    throw new Error(`HUB_PORT_OFFSET must be a whole number from 0 to 40000, got "${raw}".`);
  }
  return offset;
}

function portFromEnv(name: string, defaultPort: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return defaultPort + portOffset();
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a TCP port number (1-65535), got "${raw}".`);
  }
  return port;
}

export function defaultLayout(nodes = 1): StackLayout {
  return {
    home: resolve(process.env.PLATFORM_HOME ?? join(repoRoot, '.platform')),
    cache: resolve(process.env.PLATFORM_CACHE ?? join(repoRoot, '.platform', 'cache')),
    nodes,
    kafkaBasePort: portFromEnv('HUB_KAFKA_PORT', 9092),
    registryPort: portFromEnv('HUB_REGISTRY_PORT', 8081),
    zipkinPort: portFromEnv('HUB_ZIPKIN_PORT', 9411),
    embeddedPostgresPort: portFromEnv('HUB_EMBEDDED_POSTGRES_PORT', 25432),
    prometheusPort: portFromEnv('HUB_PROMETHEUS_PORT', 9090),
  };
}

export interface KafkaNode {
  readonly id: number;
  readonly port: number;
  readonly controllerPort: number;
}

export function kafkaNodes(layout: StackLayout): KafkaNode[] {
  return Array.from({ length: layout.nodes }, (_, index) => ({
    id: index + 1,
    port: layout.kafkaBasePort + 10 * index,
    controllerPort: layout.kafkaBasePort + 10 * index + 1,
  }));
}

export function bootstrapServers(layout: StackLayout): string {
  return kafkaNodes(layout)
    .map((node) => `127.0.0.1:${node.port}`)
    .join(',');
}

export function registryUrl(layout: StackLayout): string {
  return `http://127.0.0.1:${layout.registryPort}/apis/ccompat/v7`;
}

export function zipkinUrl(layout: StackLayout): string {
  return `http://127.0.0.1:${layout.zipkinPort}`;
}

export function prometheusUrl(layout: StackLayout): string {
  return `http://127.0.0.1:${layout.prometheusPort}`;
}

/** Marks the processes of one stack, so a recycled pid is never mistaken for one of ours. */
export function stackTag(layout: StackLayout): string {
  return createHash('sha256').update(layout.home).digest('hex').slice(0, 12);
}
