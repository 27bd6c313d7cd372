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
  leasedRound,
  ReadinessProbes,
  RoundTimer,
  storeProvider,
  type KitLogger,
} from '@hub/kit';
import { XoevValidator, XtaClient } from '@hub/xoev';
import type { XwasserConnectorConfig } from './config.js';
import { DeliveryRequestedHandler } from './delivery-requested.handler.js';
import { LabOrderClient } from './lab-orders/lab-order.client.js';
import { LabOrders } from './lab-orders/lab-orders.js';
import {
  startLabReportPoller,
  type LabReportPoller,
} from './lab-reports/start-lab-report-poller.js';

/** The rounds over the health office's box: `runNow()` takes its messages at once (tests). */
export const LAB_REPORT_ROUNDS = Symbol('xwasser-connector.lab-report-rounds');
const BOX = Symbol('xwasser-connector.box');
const ANSWERS = Symbol('xwasser-connector.answers');
const POLLER = Symbol('xwasser-connector.poller');

/** After the rounds stopped: the poller's producer and the validator's compiled schemas go. */
class XwasserResources implements OnApplicationShutdown {
  constructor(
    @Inject(POLLER) private readonly lab: LabReportPoller,
    @Inject(XoevValidator) private readonly validator: XoevValidator,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.lab.close();
    this.validator.dispose();
  }
}

function xtaClient(endpoint: string, config: XwasserConnectorConfig): XtaClient {
  return XtaClient.create({
    endpoint,
    security: { kind: 'none' },
    timeoutMs: config.XTA_CALL_TIMEOUT_MS,
  });
}

/**
 * The XWasser connector: orders the examinations citizens apply for from the lab (the xwasser
 * delivery topic), polls the health office's XTA box for lab messages, answers each over XTA and
 * publishes accepted reports (and exceeded limits) as Avro events, a citizen's in their trace.
 */
@Module({
  controllers: [DeliveryRequestedHandler],
  providers: [
    storeProvider(LabOrders),
    {
      provide: LabOrderClient,
      useFactory: (config: XwasserConnectorConfig, probes: ReadinessProbes) => {
        probes.register('lab', endpointAnswers(config.LAB_ORDER_URL));
        return new LabOrderClient(config.LAB_ORDER_URL, config.LAB_CALL_TIMEOUT_MS);
      },
      inject: [KIT_CONFIG, ReadinessProbes],
    },
    {
      provide: XoevValidator,
      useFactory: async () => {
        const validator = new XoevValidator();
        await validator.prepare();
        return validator;
      },
    },
    {
      provide: BOX,
      useFactory: (config: XwasserConnectorConfig, probes: ReadinessProbes) => {
        probes.register('xta', endpointAnswers(config.XTA_ENDPOINT_URL));
        return xtaClient(config.XTA_ENDPOINT_URL, config);
      },
      inject: [KIT_CONFIG, ReadinessProbes],
    },
    {
      provide: ANSWERS,
      useFactory: (config: XwasserConnectorConfig, probes: ReadinessProbes) => {
        probes.register('xta-answers', endpointAnswers(config.ANSWER_XTA_ENDPOINT_URL));
        return xtaClient(config.ANSWER_XTA_ENDPOINT_URL, config);
      },
      inject: [KIT_CONFIG, ReadinessProbes],
    },
    {
      provide: POLLER,
      useFactory: (
        config: XwasserConnectorConfig,
        kafka: Kafka,
        pool: pg.Pool,
        box: XtaClient,
        answers: XtaClient,
        validator: XoevValidator,
        ledger: IdempotencyLedger,
        producer: EventProducer,
        orders: LabOrders,
        logger: KitLogger,
        metrics: Registry,
      ) =>
        startLabReportPoller(config, {
          ...{ kafka, pool, box, answers, validator, ledger, producer, orders },
          ...{ logger, metrics },
        }),
      inject: [
        KIT_CONFIG,
        Kafka,
        pg.Pool,
        BOX,
        ANSWERS,
        XoevValidator,
        IdempotencyLedger,
        EventProducer,
        LabOrders,
        KIT_LOGGER,
        Registry,
      ],
    },
    {
      provide: LAB_REPORT_ROUNDS,
      useFactory: (
        { poller }: LabReportPoller,
        config: XwasserConnectorConfig,
        logger: KitLogger,
        pool: pg.Pool,
      ) =>
        // Across instances one polls the health office's box per round; the others skip it.
        new RoundTimer(
          leasedRound(pool, `${config.SERVICE_NAME}.lab-reports`, () => poller.pollOnce()),
          {
            intervalMs: config.POLL_INTERVAL_MS,
            logger,
            onFailure: 'lab-report round failed; the unfinished messages stay in the box',
            moreWaiting: (taken) => taken >= config.POLL_BATCH_SIZE,
          },
        ),
      inject: [POLLER, KIT_CONFIG, KIT_LOGGER, pg.Pool],
    },
    XwasserResources,
  ],
})
export class XwasserConnectorModule {}
