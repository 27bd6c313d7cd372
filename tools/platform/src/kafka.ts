import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { ResolvedArtifacts } from './artifacts.js';
import { kafkaNodes, repoRoot, type KafkaNode, type StackLayout } from './layout.js';
import { jvmFlags, tagProperty, type Part } from './part.js';
import { PlatformError } from './platform-error.js';
import { isPortListening } from './processes.js';

const log4jConfig = join(repoRoot, 'tools/platform/maven/log4j2.properties');

/**
 * A Kafka cluster id is a random UUID in URL-safe base64 without padding (22 characters). Like
 * Kafka's own Uuid.randomUuid, never one starting with '-': the storage tool's argument parser
 * would read it as an option.
 */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * Combined-mode KRaft node on loopback. Replication settings follow the node count: a single node
 * replicates nothing; three nodes replicate everything threefold and need two in-sync replicas, so
 * that one node can be stopped while acks=all writes go on.
 */
export function serverProperties(node: KafkaNode, layout: StackLayout, dataDir: string): string {
  const nodes = kafkaNodes(layout);
  const replication = Math.min(3, nodes.length);
  const minInSync = replication > 1 ? 2 : 1;
  const settings: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': node.id,
    'controller.quorum.voters': nodes.map((n) => `${n.id}@127.0.0.1:${n.controllerPort}`).join(','),
    listeners: `PLAINTEXT://127.0.0.1:${node.port},CONTROLLER://127.0.0.1:${node.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${node.port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': dataDir,
    'auto.create.topics.enable': false,
    'num.partitions': 1,
    'default.replication.factor': replication,
    'min.insync.replicas': minInSync,
    'offsets.topic.replication.factor': replication,
    'transaction.state.log.replication.factor': replication,
    'transaction.state.log.min.isr': minInSync,
    'share.coordinator.state.topic.replication.factor': replication,
    'share.coordinator.state.topic.min.isr': minInSync,
    // Tests create many short-lived groups; waiting for more members only slows them down.
    'group.initial.rebalance.delay.ms': 0,
    'log.segment.bytes': 16 * 1024 * 1024,
  };
  return Object.entries(settings)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join('\n')
    .concat('\n');
}

function clusterId(layout: StackLayout): string {
  const file = join(layout.home, 'kafka', 'cluster-id');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(join(layout.home, 'kafka'), { recursive: true });
  const id = newClusterId();
  writeFileSync(file, id);
  return id;
}

function classpath(artifacts: ResolvedArtifacts): string[] {
  return ['-cp', `${artifacts.kafkaLibs}/*`, `-Dlog4j2.configurationFile=${log4jConfig}`];
}

function platformKafka(brokers: string): Kafka {
  return new Kafka({
    clientId: 'hub-platform',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
}

export function kafkaAdmin(brokers: string) {
  return platformKafka(brokers).admin();
}

/**
 * True once the group and producer-id coordinators answer. A fresh cluster creates
 * `__consumer_offsets` on the first group request and loads it for a few seconds; until then every
 * service's first join and idempotent producer get "coordinator not available" answers, which
 * kafkajs retries but logs as ERROR. Waiting here gives services a cluster that is really ready.
 */
export async function coordinatorsAreReady(brokers: string): Promise<boolean> {
  const kafka = platformKafka(brokers);
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, retry: { retries: 1 } });
  try {
    await admin.connect();
    await admin.describeGroups(['hub-platform-readiness']);
    await producer.connect();
    return true;
  } catch {
    return false;
  } finally {
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  }
}

/** True when the cluster answers metadata requests and all of its brokers are registered. */
export async function clusterIsReady(brokers: string, expectedBrokers: number): Promise<boolean> {
  const admin = kafkaAdmin(brokers);
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length >= expectedBrokers && cluster.controller !== null;
  } catch {
    return false;
  } finally {
    await admin.disconnect();
  }
}

export function kafkaParts(layout: StackLayout): Part[] {
  return kafkaNodes(layout).map((node) => {
    const nodeDir = join(layout.home, 'kafka', `node-${node.id}`);
    const dataDir = join(nodeDir, 'data');
    const propertiesFile = join(nodeDir, 'server.properties');
    return {
      name: `kafka-${node.id}`,
      ports: [node.port, node.controllerPort],
      address: `127.0.0.1:${node.port}`,
      prepare(artifacts) {
        mkdirSync(nodeDir, { recursive: true });
        writeFileSync(propertiesFile, serverProperties(node, layout, dataDir));
        if (existsSync(join(dataDir, 'meta.properties'))) return;
        const format = spawnSync(
          'java',
          [
            ...jvmFlags,
            ...classpath(artifacts),
            'kafka.tools.StorageTool',
            'format',
            '--ignore-formatted',
            `--cluster-id=${clusterId(layout)}`,
            '-c',
            propertiesFile,
          ],
          { encoding: 'utf8' },
        );
        if (format.status !== 0) {
          throw new PlatformError(
            `Formatting the storage of kafka-${node.id} failed: ${`${format.stdout}${format.stderr}`.trim()}`,
          );
        }
      },
      command(artifacts, processTag) {
        return {
          command: 'java',
          args: [
            '-Xms128m',
            '-Xmx512m',
            ...jvmFlags,
            tagProperty(processTag),
            ...classpath(artifacts),
            'kafka.Kafka',
            propertiesFile,
          ],
        };
      },
      isReady: () => isPortListening(node.port),
    };
  });
}
