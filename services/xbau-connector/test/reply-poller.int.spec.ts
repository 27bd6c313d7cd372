import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { HubError } from '@hub/errors';
import { schemaType, type StatusReported } from '@hub/contracts';
import {
  deadLetterHeaders,
  ensureTopics,
  EventProducer,
  IdempotencyLedger,
  RecordSender,
  silentLogger,
} from '@hub/kit';
import { XoevValidator, XtaClient } from '@hub/xoev';
import { Registry } from 'prom-client';
import { collectFrom, eventually, platform, testKafka } from '@hub/test-support';
import { DeliveredRecipients } from '../src/replies/delivered-recipients.js';
import { boxDeadLetterHeaders as replyDeadLetterHeaders, ClaimChecks } from '@hub/message-box';
import type { MessageBox, ReplyPoller } from '../src/replies/reply-poller.js';
import { startReplyPoller } from '../src/replies/start-reply-poller.js';
import { testConnectorConfig } from './connector-config.js';
import { reply0205 } from './reply-0205.js';
import { reply1120 } from './reply-1120.js';
import { startSimulatorProcess, type SimulatorProcess } from './xta-simulator-process.js';

const statusTopic = 'procedure.status-reported.v1';
const authority = 'bab:05913000';
const megabyte = 1024 * 1024;
/** Pads a reply to about `bytes` with an XML comment: well-formed, otherwise unchanged. */
const padded = (applicationId: string, bytes: number) =>
  reply1120(applicationId, {}, `<!--${'x'.repeat(bytes)}-->`);

describe('reply poller: a poison reply never blocks the message box', () => {
  const service = `xbau-replies-it-${randomUUID().slice(0, 8)}`;
  const kafka = testKafka();
  const pool = new pg.Pool({ connectionString: platform().DATABASE_URL, max: 2 });
  const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
  const producer = new EventProducer(service, kafka, serde);
  const deadLetterProducer = new RecordSender(kafka);
  const validator = new XoevValidator();
  const recipients = new DeliveredRecipients(pool);
  let simulator: SimulatorProcess;
  let box: XtaClient;
  let poller: ReplyPoller;
  let deadLetterTopic: string;

  // The poller alone, not the whole connector: its delivery consumer would compete with the
  // other test files for the shared delivery topic.
  beforeAll(async () => {
    await ensureTopics(kafka, [{ topic: statusTopic, partitions: 6 }]);
    simulator = await startSimulatorProcess();
    box = XtaClient.create({
      endpoint: simulator.url,
      security: { kind: 'none' },
      timeoutMs: 30_000,
    });
    const ledger = new IdempotencyLedger(pool);
    await ledger.migrate();
    await recipients.migrate();
    await producer.connect();
    await deadLetterProducer.connect();
    ({ poller, deadLetterTopic } = await startReplyPoller(
      testConnectorConfig(service, simulator.url, { REPLY_FETCH_MAX_ATTEMPTS: 2 }),
      {
        kafka,
        pool,
        xta: box,
        validator,
        ledger,
        recipients,
        producer,
        deadLetters: deadLetterProducer,
        logger: silentLogger,
        metrics: new Registry(),
      },
    ));
  }, 120_000);
  afterAll(async () => {
    await producer.disconnect();
    await deadLetterProducer.disconnect();
    await simulator.stop();
    await pool.end();
    validator.dispose();
  });

  it('dead-letters and closes empty, oversize, malformed, misaddressed and forged replies; the valid one behind them is published', async () => {
    const applicationId = randomUUID();
    await recipients.remember(applicationId, authority);
    const deadLetters = await collectFrom(kafka, deadLetterTopic);
    const statuses = await collectFrom(kafka, statusTopic);
    const twoMegabytes = padded(applicationId, 2 * megabyte);
    const poison: readonly (readonly [string, string, RegExp])[] = [
      ['empty', '', /^XBAU_REPLY_(EMPTY|UNFETCHABLE)$/],
      ['2 MB', twoMegabytes, /^XBAU_REPLY_TOO_LARGE$/],
      ['9 MB', padded(applicationId, 9 * megabyte), /^XBAU_REPLY_(TOO_LARGE|UNFETCHABLE)$/],
      ['malformed', '<xbauk:kaputt>', /^XML_MALFORMED$/],
      [
        'addressed to another portal',
        reply1120(applicationId, { reader: 'bpt:09162000' }),
        /^XBAU_REPLY_WRONG_READER$/,
      ],
      [
        'forged by another authority',
        reply1120(applicationId, { author: 'bab:09162000' }),
        /^XBAU_REPLY_FOREIGN_AUTHOR$/,
      ],
      ['for an application never delivered', reply1120(randomUUID()), /^XBAU_REPLY_UNCORRELATED$/],
      [
        'a Bescheid whose notice is not in the container',
        reply0205(applicationId),
        /^XBAU_DOCUMENT_MISSING$/,
      ],
    ];
    const poisonIds: string[] = [];
    for (const [, body] of poison) poisonIds.push(await simulator.injectReply(body));
    const valid = reply1120(applicationId);
    await simulator.injectReply(valid);

    // A reply the XTA server fails to hand out (the 9 MB one, when the server refuses the answer)
    // stays for the next round; the second round is its last attempt.
    const firstRound = await poller.pollOnce();
    const secondRound = await poller.pollOnce();

    expect(firstRound).toBeGreaterThanOrEqual(poison.length);
    expect(firstRound + secondRound).toBe(poison.length + 1);
    expect(await box.getStatusList()).toEqual([]);
    const letters = await eventually(
      () => {
        const mine = poisonIds.map((id) =>
          deadLetters.received.find((record) => record.message.key?.toString() === id),
        );
        return mine.every((letter) => letter !== undefined) ? mine : undefined;
      },
      { timeoutMs: 30_000, what: 'a dead letter for every poison reply' },
    );
    letters.forEach((letter, index) => {
      const [what, , code] = poison[index] ?? [];
      expect(letter.message.headers?.[deadLetterHeaders.errorCode]?.toString(), what).toMatch(
        code ?? /never/,
      );
    });
    const [, oversize] = letters;
    const ref = oversize?.message.headers?.[replyDeadLetterHeaders.claimCheckRef]?.toString();
    expect(oversize?.message.value?.length ?? 0).toBe(0);
    expect(ref).toBeDefined();
    expect(
      (await new ClaimChecks(pool, 'xbau_connector_claim_checks').payloadOf(ref ?? ''))?.toString(
        'utf8',
      ),
    ).toBe(twoMegabytes);

    const [published] = await eventually(
      () => {
        const mine = statuses.received.filter(
          (record) => record.message.key?.toString() === applicationId,
        );
        return mine.length > 0 ? mine : undefined;
      },
      { timeoutMs: 30_000, what: 'the status event of the valid reply' },
    );
    const event = (
      await serde.decode<StatusReported>(
        published?.message.value ?? Buffer.alloc(0),
        schemaType('procedure/status-reported'),
      )
    ).value;
    expect(event).toMatchObject({ applicationId, statusCode: 'RECEIPT', authorityId: authority });
  }, 120_000);
  it('retries a reply getMessage cannot fetch in the next rounds while the one behind it is published, then dead-letters it by its id', async () => {
    const applicationId = randomUUID();
    await recipients.remember(applicationId, authority);
    const stuckId = await simulator.injectReply(reply1120(applicationId));
    await simulator.injectReply(reply1120(applicationId));
    // The real box, except that fetching this one message times out, as a flaky XTA server would.
    const flaky: MessageBox = {
      getStatusList: (max) => box.getStatusList(max),
      getMessage: (id) =>
        id === stuckId
          ? Promise.reject(new HubError('XTA_TIMEOUT', 'no answer', { retryable: true }))
          : box.getMessage(id),
      close: (id) => box.close(id),
    };
    const deadLetters = await collectFrom(kafka, deadLetterTopic);
    const statuses = await collectFrom(kafka, statusTopic);
    const { poller: flakyPoller } = await startReplyPoller(
      testConnectorConfig(service, simulator.url, { REPLY_FETCH_MAX_ATTEMPTS: 2 }),
      {
        kafka,
        pool,
        xta: flaky,
        validator,
        ledger: new IdempotencyLedger(pool),
        recipients,
        producer,
        deadLetters: deadLetterProducer,
        logger: silentLogger,
        metrics: new Registry(),
      },
    );

    const firstRound = await flakyPoller.pollOnce();
    const boxAfterFirstRound = await box.getStatusList();
    const secondRound = await flakyPoller.pollOnce();

    expect(firstRound).toBe(1);
    expect(boxAfterFirstRound).toEqual([stuckId]);
    expect(secondRound).toBe(1);
    expect(await box.getStatusList()).toEqual([]);
    await eventually(
      () =>
        statuses.received.some((record) => record.message.key?.toString() === applicationId)
          ? true
          : undefined,
      { timeoutMs: 30_000, what: 'the status event of the reply behind the stuck one' },
    );
    const letter = await eventually(
      () => deadLetters.received.find((record) => record.message.key?.toString() === stuckId),
      { timeoutMs: 30_000, what: 'the dead letter of the unfetchable reply' },
    );
    const header = (name: string) => letter.message.headers?.[name]?.toString();
    expect(header(deadLetterHeaders.errorCode)).toBe('XBAU_REPLY_UNFETCHABLE');
    expect(header(deadLetterHeaders.attempts)).toBe('2');
    expect(header(replyDeadLetterHeaders.xtaMessageId)).toBe(stuckId);
    expect(letter.message.value?.length ?? 0).toBe(0);
  }, 120_000);
});
