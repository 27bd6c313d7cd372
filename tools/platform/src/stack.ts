import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureArtifacts } from './artifacts.js';
import { eventually } from '@hub/polling';
import { clusterIsReady, coordinatorsAreReady, kafkaParts } from './kafka.js';
import { bootstrapServers, registryUrl, stackTag, zipkinUrl, type StackLayout } from './layout.js';
import type { Part } from './part.js';
import { PlatformError } from './platform-error.js';
import {
  chooseDatabase,
  dropHubDatabase,
  embeddedPostgresPart,
  type DatabaseChoice,
} from './postgres.js';
import { requireJava17 } from './prerequisites.js';
import { prometheusPart, requirePrometheus } from './prometheus.js';
import {
  isPortListening,
  logFile,
  runningPid,
  startDetached,
  stopProcess,
  type ManagedProcess,
} from './processes.js';
import { registryPart } from './registry.js';
import { zipkinPart } from './zipkin.js';

/** What clients need to reach a running stack; also written to <home>/platform.env. */
export interface PlatformEndpoints {
  readonly KAFKA_BROKERS: string;
  readonly SCHEMA_REGISTRY_URL: string;
  readonly ZIPKIN_URL: string;
  readonly DATABASE_URL: string;
}

export interface PartStatus {
  readonly name: string;
  readonly address: string;
  readonly pid: number | undefined;
  readonly ready: boolean;
}

const readyTimeoutMs = 180_000;

function managed(layout: StackLayout, part: Pick<Part, 'name'>): ManagedProcess {
  return {
    name: part.name,
    runDir: join(layout.home, 'run'),
    logDir: join(layout.home, 'logs'),
    tag: `${stackTag(layout)}:${part.name}`,
  };
}

const stateFile = (layout: StackLayout) => join(layout.home, 'stack.json');
const envFile = (layout: StackLayout) => join(layout.home, 'platform.env');

/** The node count of the stack that was last brought up in this home, if any. */
export function recordedNodes(layout: StackLayout): number | undefined {
  if (!existsSync(stateFile(layout))) return undefined;
  return (JSON.parse(readFileSync(stateFile(layout), 'utf8')) as { nodes: number }).nodes;
}

export interface UpOptions {
  /** Start only the Kafka nodes (fault tests of the cluster itself). */
  readonly kafkaOnly?: boolean;
  /** Also start Prometheus with the generated config (see docs/operations.md). */
  readonly withPrometheus?: boolean;
}

/** The parts to start (choices given) or to report (choices undefined: the optional ones running). */
function partsOf(
  layout: StackLayout,
  database: DatabaseChoice | undefined,
  withPrometheus?: boolean,
): Part[] {
  const embeddedPostgres = embeddedPostgresPart(layout);
  const useEmbedded =
    database === undefined
      ? runningPid(managed(layout, embeddedPostgres)) !== undefined
      : database.source === 'embedded (PGlite)';
  const prometheus = prometheusPart(layout);
  const usePrometheus = withPrometheus ?? runningPid(managed(layout, prometheus)) !== undefined;
  return [
    ...kafkaParts(layout),
    registryPart(layout),
    zipkinPart(layout),
    ...(useEmbedded ? [embeddedPostgres] : []),
    ...(usePrometheus ? [prometheus] : []),
  ];
}

function logTail(proc: ManagedProcess, lines = 15): string {
  const file = logFile(proc);
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

async function startPart(
  layout: StackLayout,
  part: Part,
  artifacts: ReturnType<typeof ensureArtifacts>,
): Promise<void> {
  const proc = managed(layout, part);
  if (runningPid(proc) !== undefined) return;
  for (const port of part.ports) {
    if (await isPortListening(port)) {
      throw new PlatformError(
        `Port ${port}, which ${part.name} needs, is already in use by another process; stop that process or choose other ports (see README, "Ports").`,
      );
    }
  }
  part.prepare?.(artifacts);
  const { command, args } = part.command(artifacts, proc.tag);
  startDetached(proc, command, args);
}

async function waitUntilReady(layout: StackLayout, part: Part): Promise<void> {
  const proc = managed(layout, part);
  const outcome = await eventually(
    async () => {
      if (runningPid(proc) === undefined) return 'exited';
      return (await part.isReady()) ? 'ready' : undefined;
    },
    {
      timeoutMs: readyTimeoutMs,
      intervalMs: 500,
      what: `${part.name} at ${part.address} (log: ${logFile(proc)})`,
    },
  ).catch((error: unknown) => {
    throw new PlatformError(error instanceof Error ? error.message : String(error));
  });
  if (outcome === 'exited') {
    throw new PlatformError(
      `${part.name} exited during start-up; the end of ${logFile(proc)}:\n${logTail(proc)}`,
    );
  }
}

/** Starts every part that is not running and waits until all of them are usable. Idempotent. */
export async function up(layout: StackLayout, options: UpOptions = {}): Promise<PlatformEndpoints> {
  requireJava17();
  if (options.withPrometheus) requirePrometheus();
  const recorded = recordedNodes(layout);
  const anyRunning = (await status(layout)).some((part) => part.pid !== undefined);
  if (anyRunning && recorded !== undefined && recorded !== layout.nodes) {
    throw new PlatformError(
      `A ${recorded}-node stack is running from ${layout.home}; run \`npm run platform -- down\` before starting one with ${layout.nodes} node(s).`,
    );
  }
  if (!anyRunning) rmSync(join(layout.home, 'kafka'), { recursive: true, force: true });
  mkdirSync(layout.home, { recursive: true });
  writeFileSync(stateFile(layout), JSON.stringify({ nodes: layout.nodes }));

  const artifacts = ensureArtifacts(layout);
  const database = await chooseDatabase(layout);
  const parts = partsOf(layout, database, options.withPrometheus ?? false).filter(
    (part) => !options.kafkaOnly || part.name.startsWith('kafka-'),
  );
  for (const part of parts) await startPart(layout, part, artifacts);
  await Promise.all(parts.map((part) => waitUntilReady(layout, part)));

  const brokers = bootstrapServers(layout);
  await eventually(async () => ((await clusterIsReady(brokers, layout.nodes)) ? true : undefined), {
    timeoutMs: readyTimeoutMs,
    what: `all ${layout.nodes} Kafka broker(s) to register at ${brokers}`,
  });
  await eventually(async () => ((await coordinatorsAreReady(brokers)) ? true : undefined), {
    timeoutMs: readyTimeoutMs,
    what: `the group and producer-id coordinators at ${brokers}`,
  });

  const endpoints: PlatformEndpoints = {
    KAFKA_BROKERS: brokers,
    SCHEMA_REGISTRY_URL: registryUrl(layout),
    ZIPKIN_URL: zipkinUrl(layout),
    DATABASE_URL: database.url,
  };
  writeFileSync(
    envFile(layout),
    Object.entries(endpoints)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n')
      .concat('\n'),
  );
  return endpoints;
}

/**
 * Stops every process of the stack, including ones whose part is no longer configured, and drops
 * Kafka's data (the registry keeps schemas in memory, so old records would carry schema ids that a
 * fresh registry no longer knows) and with it this stack's database, whose rows refer to them.
 */
export async function down(layout: StackLayout): Promise<string[]> {
  const runDir = join(layout.home, 'run');
  const names = existsSync(runDir)
    ? readdirSync(runDir)
        .filter((f) => f.endsWith('.pid'))
        .map((f) => f.slice(0, -4))
    : [];
  const clients = names.filter((name) => !name.startsWith('kafka-'));
  const brokers = names.filter((name) => name.startsWith('kafka-'));
  const stopped: string[] = [];
  for (const group of [clients, brokers]) {
    const results = await Promise.all(
      group.map(async (name) =>
        (await stopProcess(managed(layout, { name }))) ? name : undefined,
      ),
    );
    stopped.push(...results.filter((name): name is string => name !== undefined));
  }
  rmSync(join(layout.home, 'kafka'), { recursive: true, force: true });
  if (await dropHubDatabase(layout)) stopped.push('database');
  rmSync(envFile(layout), { force: true });
  rmSync(stateFile(layout), { force: true });
  return stopped;
}

/** Each part of the stack last brought up here, with its address, pid and readiness. */
export async function status(layout: StackLayout): Promise<PartStatus[]> {
  const effective = { ...layout, nodes: recordedNodes(layout) ?? layout.nodes };
  return Promise.all(
    partsOf(effective, undefined).map(async (part) => {
      const pid = runningPid(managed(effective, part));
      return {
        name: part.name,
        address: part.address,
        pid,
        ready: pid !== undefined && (await part.isReady()),
      };
    }),
  );
}

/** Stops one part, e.g. `kafka-2` for a fault test; true if it was running. */
export function stopPart(layout: StackLayout, name: string): Promise<boolean> {
  return stopProcess(managed(layout, { name }));
}

/** The endpoints of a running stack, from <home>/platform.env, or undefined when none is up. */
export function runningEndpoints(layout: StackLayout): PlatformEndpoints | undefined {
  if (!existsSync(envFile(layout))) return undefined;
  const entries = readFileSync(envFile(layout), 'utf8')
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
  return Object.fromEntries(entries) as PlatformEndpoints;
}
