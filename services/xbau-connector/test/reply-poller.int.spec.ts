import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import {
  deadLetterHeaders,
  ensureTopics,
  EventProducer,
  IdempotencyLedger,
  silentLogger,
} from '@hub/kit';
import { XoevValidator } from '@hub/xoev';
import { collectFrom, eventually, platform, testKafka } from '@hub/test-support';
import { ReplyPoller, type MessageBox } from '../src/replies/reply-poller.js';
import { loadStatusTexts } from '../src/replies/status-texts.js';

/** A message box holding whatever the test puts in; records what was closed. */
class FakeMessageBox implements MessageBox {
  readonly messages = new Map<string, string>();
  readonly closed: string[] = [];

  put(xml: string): string {
    const id = `urn:test:${randomUUID()}`;
    this.messages.set(id, xml);
    return id;
  }
  getStatusList(): Promise<string[]> {
    return Promise.resolve([...this.messages.keys()]);
  }
  getMessage(id: string): Promise<string> {
    return Promise.resolve(this.messages.get(id) ?? '');
  }
  close(id: string): Promise<void> {
    this.messages.delete(id);
    this.closed.push(id);
    return Promise.resolve();
  }
}

const reply1130 = (applicationId: string) => `<?xml version="1.0" encoding="UTF-8"?>
<xbauk:prozessnachrichten.ruecknahme.1130 xmlns:xbauk="http://www.xleitstelle.de/xbau/kernmodul/1/3/0" standard="XBau-Kernmodul" version="1.3.0">
  <nachrichtenkopf.g2g><identifikation.nachricht><nachrichtenUUID>${randomUUID()}</nachrichtenUUID></identifikation.nachricht></nachrichtenkopf.g2g>
  <bezug><referenz>${applicationId}</referenz></bezug>
</xbauk:prozessnachrichten.ruecknahme.1130>`;

describe('reply poller: replies that cannot become status events', () => {
  const group = `xbau-connector-it-${randomUUID().slice(0, 8)}.replies`;
  const kafka = testKafka();
  const pool = new pg.Pool({ connectionString: platform().DATABASE_URL, max: 2 });
  const validator = new XoevValidator();
  const box = new FakeMessageBox();
  const client = new Kafka({
    clientId: 'reply-poller-test',
    brokers: platform().KAFKA_BROKERS.split(','),
    logLevel: logLevel.ERROR,
  });
  const producer = new EventProducer(
    'xbau-connector-test',
    client,
    new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL)),
  );
  const deadLetters = client.producer({ idempotent: true, maxInFlightRequests: 1 });
  let poller: ReplyPoller;

  beforeAll(async () => {
    const ledger = new IdempotencyLedger(pool);
    await ledger.migrate();
    await producer.connect();
    await deadLetters.connect();
    poller = new ReplyPoller({
      xta: box,
      validator,
      texts: await loadStatusTexts(),
      ledger,
      producer,
      deadLetters,
      group,
      logger: silentLogger,
      metrics: new Registry(),
      batchSize: 10,
    });
    await ensureTopics(kafka, [{ topic: poller.deadLetterTopic, partitions: 1 }]);
  });
  afterAll(async () => {
    await producer.disconnect();
    await deadLetters.disconnect();
    await pool.end();
    validator.dispose();
  });

  it.each([
    ['not well-formed', () => '<xbauk:kaputt>', 'XML_MALFORMED'],
    ['with a DTD', () => '<!DOCTYPE x [<!ENTITY e "x">]><x>&e;</x>', 'XML_DTD_FORBIDDEN'],
    ['invalid against the XSD', () => reply1130(randomUUID()), 'XOEV_INVALID'],
  ])('dead-letters a reply %s with the reason and closes it in the box', async (_, xml, code) => {
    const { received } = await collectFrom(kafka, poller.deadLetterTopic);
    const raw = xml();
    const id = box.put(raw);

    await poller.pollOnce();

    const [letter] = await eventually(
      () => {
        const mine = received.filter((record) => record.message.key?.toString() === id);
        return mine.length > 0 ? mine : undefined;
      },
      { timeoutMs: 20_000, what: `the dead letter of ${id}` },
    );
    expect(letter?.message.value?.toString()).toBe(raw);
    expect(letter?.message.headers?.[deadLetterHeaders.errorCode]?.toString()).toBe(code);
    expect(letter?.message.headers?.[deadLetterHeaders.errorMessage]?.length).toBeGreaterThan(0);
    expect(letter?.message.headers?.[deadLetterHeaders.group]?.toString()).toBe(group);
    expect(box.closed).toContain(id);
  });
});
