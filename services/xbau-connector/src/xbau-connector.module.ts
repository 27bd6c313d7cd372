import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import pg from 'pg';
import { Registry } from 'prom-client';
import {
  endpointAnswers,
  EventProducer,
  IdempotencyLedger,
  KIT_CONFIG,
  KIT_LOGGER,
  ReadinessProbes,
  RecordSender,
  leasedRound,
  RoundTimer,
  type KitLogger,
  storeProvider,
} from '@hub/kit';
import { XoevValidator, XtaClient } from '@hub/xoev';
import type { XbauConnectorConfig } from './config.js';
import { DeliveryRequestedHandler } from './delivery-requested.handler.js';
import { DeliveredRecipients } from './replies/delivered-recipients.js';
import type { ReplyPoller } from './replies/reply-poller.js';
import { startReplyPoller } from './replies/start-reply-poller.js';
import { XbauTransport } from './xta/xbau-transport.js';
import { XtaSendLog } from './xta/xta-send-log.js';

/** The reply rounds: `runNow()` fetches replies at once (tests, operators). */
export const REPLY_ROUNDS = Symbol('xbau-connector.reply-rounds');
const REPLY_DEAD_LETTERS = Symbol('xbau-connector.reply-dead-letters');
const REPLY_POLLER = Symbol('xbau-connector.reply-poller');

/** Gives back what the connector holds beside the kit's clients, after the handlers stopped. */
class XbauResources implements OnApplicationShutdown {
  constructor(
    @Inject(XoevValidator) private readonly validator: XoevValidator,
    @Inject(REPLY_DEAD_LETTERS) private readonly deadLetters: RecordSender,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.deadLetters.disconnect();
    this.validator.dispose();
  }
}

/**
 * The XBau connector: the delivery handler, the XTA port (ready only while the XTA server
 * answers), the validator, and the reply poller on a timer whose rounds never overlap.
 */
@Module({
  controllers: [DeliveryRequestedHandler],
  providers: [
    {
      provide: XoevValidator,
      // Every XSD, Schematron rule and code list compiled before the first message (ADR 0012's
      // start-up): the first application is checked in milliseconds, not in seconds.
      useFactory: async () => {
        const validator = new XoevValidator();
        await validator.prepare();
        return validator;
      },
    },
    {
      provide: XtaClient,
      useFactory: (config: XbauConnectorConfig, probes: ReadinessProbes) => {
        probes.register('xta', endpointAnswers(config.XTA_ENDPOINT_URL));
        return XtaClient.create({
          endpoint: config.XTA_ENDPOINT_URL,
          security: { kind: 'none' },
          timeoutMs: config.XTA_CALL_TIMEOUT_MS,
        });
      },
      inject: [KIT_CONFIG, ReadinessProbes],
    },
    {
      provide: XbauTransport,
      useFactory: (xta: XtaClient, log: XtaSendLog, config: XbauConnectorConfig) =>
        new XbauTransport(xta, log, {
          pollIntervalMs: config.TRANSPORT_REPORT_POLL_INTERVAL_MS,
          deadlineMs: config.TRANSPORT_REPORT_DEADLINE_MS,
        }),
      inject: [XtaClient, XtaSendLog, KIT_CONFIG],
    },
    storeProvider(DeliveredRecipients),
    storeProvider(XtaSendLog),
    {
      provide: REPLY_DEAD_LETTERS,
      useFactory: async (kafka: Kafka) => {
        const producer = new RecordSender(kafka);
        await producer.connect();
        return producer;
      },
      inject: [Kafka],
    },
    {
      provide: REPLY_POLLER,
      useFactory: async (
        config: XbauConnectorConfig,
        kafka: Kafka,
        pool: pg.Pool,
        xta: XtaClient,
        validator: XoevValidator,
        ledger: IdempotencyLedger,
        recipients: DeliveredRecipients,
        producer: EventProducer,
        deadLetters: RecordSender,
        logger: KitLogger,
        metrics: Registry,
      ) => {
        const clients = { kafka, pool, xta, validator, ledger, recipients, producer, deadLetters };
        return (await startReplyPoller(config, { ...clients, logger, metrics })).poller;
      },
      inject: [
        KIT_CONFIG,
        Kafka,
        pg.Pool,
        XtaClient,
        XoevValidator,
        IdempotencyLedger,
        DeliveredRecipients,
        EventProducer,
        REPLY_DEAD_LETTERS,
        KIT_LOGGER,
        Registry,
      ],
    },
    {
      provide: REPLY_ROUNDS,
      useFactory: (
        poller: ReplyPoller,
        config: XbauConnectorConfig,
        logger: KitLogger,
        pool: pg.Pool,
      ) =>
        // Across instances one polls the shared message box per round; the others skip it.
        new RoundTimer(
          leasedRound(pool, `${config.SERVICE_NAME}.replies`, () => poller.pollOnce()),
          {
            intervalMs: config.REPLY_POLL_INTERVAL_MS,
            logger,
            onFailure: 'reply round failed; the unfinished replies stay in the box',
            // A full batch means the box holds more: drain it without pausing between rounds.
            moreWaiting: (taken) => taken >= config.REPLY_BATCH_SIZE,
          },
        ),
      inject: [REPLY_POLLER, KIT_CONFIG, KIT_LOGGER, pg.Pool],
    },
    XbauResources,
  ],
})
export class XbauConnectorModule {}
