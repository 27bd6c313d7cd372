import { randomUUID } from 'node:crypto';
import { Controller, Module } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { describe, expect, it, onTestFinished } from 'vitest';
import { examples, topics, type TopicValue } from '@hub/contracts';
import {
  bootstrapHubService,
  EventProducer,
  KitEvent,
  kitConfigSchema,
  ReadinessProbes,
  silentLogger,
  type EventContext,
} from '../src/index.js';
import {
  createTestTopic,
  eventually,
  metricsText,
  platform,
  readinessBecomes,
  tcpProxy,
  testKafka,
} from '@hub/test-support';

type Submitted = TopicValue<typeof topics.applicationSubmitted>;
const received: { value: Submitted; group: string }[] = [];

@Controller()
class SubmittedHandler {
  @KitEvent(topics.applicationSubmitted, { name: 'application-submitted' })
  handle(@Payload() value: Submitted, @Ctx() context: EventContext): void {
    received.push({ value, group: context.group });
  }
}

const outbound = { up: true };

@Module({
  controllers: [SubmittedHandler],
  providers: [
    {
      provide: 'outbound-port',
      useFactory: (probes: ReadinessProbes) =>
        probes.register('outbound', () =>
          outbound.up ? Promise.resolve() : Promise.reject(new Error('down')),
        ),
      inject: [ReadinessProbes],
    },
  ],
})
class TestModule {}

describe('bootstrapHubService: one Nest service on the kit', () => {
  it('runs @KitEvent handlers of a catalogue spec, serves /metrics, and is not ready without PostgreSQL or an outbound endpoint', async () => {
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'hub-service');
    const database = await tcpProxy(platform().DATABASE_URL);
    const service = `kit-shape-${randomUUID().slice(0, 8)}`;
    const config = kitConfigSchema.parse({
      ...platform(),
      DATABASE_URL: database.url,
      SERVICE_NAME: service,
      OPS_PORT: 0,
      TRACE_EXPORTER: 'none',
    });
    const running = await bootstrapHubService(TestModule, {
      config,
      logger: silentLogger,
      topics: { [topics.applicationSubmitted.name]: topic },
    });
    onTestFinished(() => running.stop());

    const value = { ...examples['portal/application-submitted'], applicationId: randomUUID() };
    await running
      .get<EventProducer>(EventProducer)
      .publish(
        { ...topics.applicationSubmitted, name: topic },
        { key: value.applicationId, value },
      );
    const got = await eventually(
      () => received.find((entry) => entry.value.applicationId === value.applicationId),
      { timeoutMs: 30_000, what: 'the handler to receive the event' },
    );
    expect(got.group).toBe(`${service}.application-submitted`);
    expect(got.value.serviceKey).toBe(value.serviceKey);

    expect(await metricsText(running.opsPort)).toContain('hub_events_processed_total');
    await readinessBecomes(running.opsPort, 200);
    outbound.up = false;
    await readinessBecomes(running.opsPort, 503);
    outbound.up = true;
    await readinessBecomes(running.opsPort, 200);
    await database.close();
    await readinessBecomes(running.opsPort, 503);
  }, 90_000);
});
