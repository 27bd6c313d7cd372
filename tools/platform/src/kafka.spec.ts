import { describe, expect, it } from 'vitest';
import { newClusterId, serverProperties } from './kafka.js';
import { defaultLayout, kafkaNodes, type KafkaNode } from './layout.js';

function parse(properties: string): Map<string, string> {
  return new Map(
    properties
      .trim()
      .split('\n')
      .map((line) => line.split('=', 2) as [string, string]),
  );
}

describe('serverProperties', () => {
  it('gives a single node no replication and no topic auto-creation', () => {
    // Explicit ports: defaultLayout() honours HUB_KAFKA_PORT, which CI sets.
    const layout = { ...defaultLayout(1), kafkaBasePort: 9092 };
    const node = kafkaNodes(layout)[0] as KafkaNode;
    const settings = parse(serverProperties(node, layout, '/data'));
    expect(settings.get('controller.quorum.voters')).toBe('1@127.0.0.1:9093');
    expect(settings.get('default.replication.factor')).toBe('1');
    expect(settings.get('min.insync.replicas')).toBe('1');
    expect(settings.get('auto.create.topics.enable')).toBe('false');
    expect(settings.get('listeners')).toBe(
      'PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093',
    );
  });

  it('makes three nodes one quorum with replication factor 3 and two in-sync replicas', () => {
    const layout = { ...defaultLayout(3), kafkaBasePort: 29092 };
    const node = kafkaNodes(layout)[2] as KafkaNode;
    const settings = parse(serverProperties(node, layout, '/data'));
    expect(settings.get('node.id')).toBe('3');
    expect(settings.get('controller.quorum.voters')).toBe(
      '1@127.0.0.1:29093,2@127.0.0.1:29103,3@127.0.0.1:29113',
    );
    expect(settings.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:29112');
    expect(settings.get('default.replication.factor')).toBe('3');
    expect(settings.get('offsets.topic.replication.factor')).toBe('3');
    expect(settings.get('min.insync.replicas')).toBe('2');
  });
});

describe('newClusterId', () => {
  it('is 16 random bytes in URL-safe base64 without padding, as Kafka expects', () => {
    const id = newClusterId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    expect(newClusterId()).not.toBe(id);
  });

  it('never starts with a dash, which the storage tool would take for an option', () => {
    const ids = Array.from({ length: 2_000 }, () => newClusterId());
    expect(ids.filter((id) => id.startsWith('-'))).toEqual([]);
  });
});
