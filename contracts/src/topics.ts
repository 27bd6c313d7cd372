import { ContractError } from './contract-error.js';
import type { SchemaName, SchemaValues } from './generated/index.js';

/** One Kafka topic as the hub declares it; `npm run hub -- topics apply` creates it from this. */
export interface TopicSpec {
  /** `<domain>.<event-in-past-tense>.v<major>`; commands end in `-requested`. */
  readonly name: string;
  readonly description: string;
  /** What the record key holds. Never personal data. */
  readonly key: string;
  readonly valueSchema: SchemaName;
  readonly partitions: number;
  readonly retentionMs: number;
  readonly cleanupPolicy: 'delete' | 'compact';
  /** The service that produces to the topic; no other service may. */
  readonly owner: string;
  /** The consumer groups (`<service>.<handler>`) that read it; each gets a `dlq.<group>`. */
  readonly consumers: readonly string[];
  /**
   * Set on dead-letter topics: the topic whose records this one holds byte for byte (ADR 0013),
   * so its values carry that topic's schema ids and no subject of its own is registered.
   */
  readonly copyOf?: string;
}

const days = 24 * 60 * 60 * 1000;
const applicationKey = 'applicationId (UUID)';

// Events live long enough to rebuild a consumer's state after an outage of a few weeks.
const eventTopic = {
  key: applicationKey,
  partitions: 6,
  retentionMs: 30 * days,
  cleanupPolicy: 'delete',
} as const;

/** The event topics of the main flow (see docs: architecture, "Main flow"). */
export const eventTopics = [
  {
    ...eventTopic,
    name: 'portal.application-submitted.v1',
    description: 'A citizen submitted an application in the portal.',
    valueSchema: 'portal/application-submitted',
    owner: 'portal-gateway',
    consumers: ['case-router.application-submitted', 'postbox-connector.application-submitted'],
  },
  {
    ...eventTopic,
    name: 'payment.payment-requested.v1',
    description: 'Collect the fee of an application.',
    valueSchema: 'payment/payment-requested',
    owner: 'case-router',
    consumers: ['payment-connector.payment-requested'],
  },
  {
    ...eventTopic,
    name: 'payment.payment-link-issued.v1',
    description: 'The citizen can pay at the provider’s pay page.',
    valueSchema: 'payment/payment-link-issued',
    owner: 'payment-connector',
    consumers: ['case-router.payment-link-issued'],
  },
  {
    ...eventTopic,
    name: 'payment.payment-settled.v1',
    description: 'The provider confirmed the payment.',
    valueSchema: 'payment/payment-settled',
    owner: 'payment-connector',
    consumers: ['case-router.payment-settled'],
  },
  {
    ...eventTopic,
    name: 'payment.payment-failed.v1',
    description: 'The payment will not happen.',
    valueSchema: 'payment/payment-failed',
    owner: 'payment-connector',
    consumers: ['case-router.payment-failed'],
  },
  {
    ...eventTopic,
    name: 'payment.payment-refunded.v1',
    description: 'A settled payment was paid back.',
    valueSchema: 'payment/payment-refunded',
    owner: 'payment-connector',
    consumers: ['case-router.payment-refunded'],
  },
  {
    ...eventTopic,
    name: 'procedure.delivery-requested.v1',
    description: 'Deliver the application to the responsible procedure as an XÖV message.',
    valueSchema: 'procedure/delivery-requested',
    owner: 'case-router',
    consumers: ['xbau-connector.delivery-requested'],
  },
  {
    ...eventTopic,
    name: 'procedure.xwasser.delivery-requested.v1',
    description:
      'Order the drinking-water examination the citizen applied for from the lab (XWasser procedure).',
    valueSchema: 'procedure/delivery-requested',
    owner: 'case-router',
    consumers: ['xwasser-connector.delivery-requested'],
  },
  {
    ...eventTopic,
    name: 'procedure.application-delivered.v1',
    description:
      'The XÖV message reached the authority’s XTA server (XBau), or the lab took the examination order (XWasser).',
    valueSchema: 'procedure/application-delivered',
    // The procedure connectors each confirm their own deliveries; the XBau connector owns the topic.
    owner: 'xbau-connector',
    consumers: ['case-router.application-delivered'],
  },
  {
    ...eventTopic,
    name: 'procedure.status-reported.v1',
    description: 'The authority reported a processing status (XBau 1170).',
    valueSchema: 'procedure/status-reported',
    owner: 'xbau-connector',
    consumers: ['case-router.status-reported'],
  },
  {
    ...eventTopic,
    name: 'procedure.document-issued.v1',
    description:
      'The authority issued a document for an application (XBau 0205 Bescheid), the document inline.',
    valueSchema: 'procedure/document-issued',
    owner: 'xbau-connector',
    consumers: ['postbox-connector.document-issued'],
  },
  {
    ...eventTopic,
    name: 'case.citizen-status-changed.v1',
    description: 'The citizen-facing state of an application changed.',
    valueSchema: 'case/citizen-status-changed',
    owner: 'case-router',
    consumers: [
      'portal-gateway.citizen-status-changed',
      'payment-connector.citizen-status-changed',
      'example-connector.citizen-status-changed',
      'postbox-connector.citizen-status-changed',
    ],
  },
  {
    ...eventTopic,
    key: 'serviceRequestId (UUID)',
    name: 'open311.report-routed.v1',
    description: 'A defect report goes to the office responsible for it.',
    valueSchema: 'open311/report-routed',
    owner: 'open311-gateway',
    consumers: ['open311-gateway.deliver-to-office'],
  },
  {
    ...eventTopic,
    key: 'caseId (UUID, the XWasser vorgangsID)',
    name: 'health.lab-report-received.v1',
    description:
      'A lab’s drinking-water report reached the health office, valid and acknowledged (XWasser 2010).',
    valueSchema: 'health/lab-report-received',
    owner: 'xwasser-connector',
    consumers: ['case-router.lab-report-received'],
  },
  {
    ...eventTopic,
    key: 'caseId (UUID, the XWasser vorgangsID)',
    name: 'health.limit-exceeded.v1',
    description:
      'A measured drinking-water value is above its limit (Trinkwasserverordnung); the health office must act.',
    valueSchema: 'health/limit-exceeded',
    owner: 'xwasser-connector',
    consumers: [],
  },
] as const satisfies readonly TopicSpec[];

/** One of the event topics, with its literal name and value schema. */
export type EventTopic = (typeof eventTopics)[number];

/** The values a topic carries, e.g. `TopicValue<typeof topics.paymentRequested>`. */
export type TopicValue<T extends { readonly valueSchema: SchemaName }> =
  SchemaValues[T['valueSchema']];

type CamelCase<S extends string> = S extends `${infer Head}.${infer Tail}`
  ? `${CamelCase<Head>}${Capitalize<CamelCase<Tail>>}`
  : S extends `${infer Head}-${infer Tail}`
    ? `${Head}${Capitalize<CamelCase<Tail>>}`
    : S;
/**
 * `portal.application-submitted.v1` → `applicationSubmitted`; a procedure kind's own command
 * `procedure.xwasser.delivery-requested.v1` → `xwasserDeliveryRequested`.
 */
type TopicKey<Name extends string> = Name extends `${string}.${infer Event}.v${number}`
  ? CamelCase<Event>
  : never;

function topicKey(name: string): string {
  const event = name.replace(/^[^.]*\./, '').replace(/\.v\d+$/, '');
  return event.replace(/[-.]([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * The event topics by their event's name, typed: handlers and producers take these specs, never
 * a topic string (`@KitEvent(topics.paymentRequested, …)`, `producer.publish(topics.…, …)`).
 */
export const topics = Object.fromEntries(
  eventTopics.map((topic) => [topicKey(topic.name), topic]),
) as { readonly [T in EventTopic as TopicKey<T['name']>]: T };

/**
 * Groups that are not consumers but still dead-letter what they cannot pass on, with where their
 * records come from and the schema of what they would have published: the XBau connector's reply
 * poller puts replies it cannot read, as fetched, into `dlq.xbau-connector.replies`, the XWasser
 * connector what it cannot read from the health office's box into `dlq.xwasser-connector.lab-reports`.
 */
const pollerDeadLetterSources = {
  'xbau-connector.replies': {
    from: 'the XTA message box (XÖV replies as fetched, XML)',
    wouldPublish: 'procedure/status-reported',
  },
  'xwasser-connector.lab-reports': {
    from: 'the health office’s XTA message box (XWasser messages as fetched, XML)',
    wouldPublish: 'health/lab-report-received',
  },
} as const satisfies Record<string, { from: string; wouldPublish: SchemaName }>;

export const pollerDeadLetterGroups = Object.keys(pollerDeadLetterSources);

/**
 * The consumer groups that carry out the case router's commands (`*-requested` topics it owns):
 * when one of them gives up on a record, an accepted application stops there, so the case router
 * reads their dead letters to tell the citizen and the operators.
 */
export function deliveryChainGroups(events: readonly TopicSpec[] = eventTopics): string[] {
  return events
    .filter((topic) => topic.owner === 'case-router' && /-requested\.v\d+$/.test(topic.name))
    .flatMap((topic) => topic.consumers);
}

/** The case router's handler that reads the dead letters of `group`. */
export function deadLetterWatcherName(group: string): string {
  return `dead-letters.${group}`;
}

/**
 * The dead-letter topic of a consumer group: the records the group gave up on, as read, with the
 * context in `dlq-*` headers (ADR 0013). Its value schema is that of the topic the group reads.
 */
export function deadLetterTopic(
  group: string,
  consumers: readonly string[] = [],
  events: readonly TopicSpec[] = eventTopics,
): TopicSpec {
  const source = sourceOf(group, events);
  return {
    name: `dlq.${group}`,
    description: `Records ${group} gave up on, as read from ${source.name}, for inspection and replay.`,
    key: 'the key of the dead record',
    valueSchema: source.valueSchema,
    partitions: 1,
    // Long enough for operators to notice, fix and replay.
    retentionMs: 90 * days,
    cleanupPolicy: 'delete',
    owner: group.split('.')[0] ?? group,
    consumers,
    copyOf: source.name,
  };
}

/**
 * Where `group`'s records come from: the event topic it reads, the dead-letter topic a watcher
 * reads, or (for a poller) the outside source and the schema it would have published.
 */
function sourceOf(
  group: string,
  events: readonly TopicSpec[],
): Pick<TopicSpec, 'name' | 'valueSchema'> {
  const topic = events.find((spec) => spec.consumers.includes(group));
  if (topic) return topic;
  const poller = Object.entries(pollerDeadLetterSources).find(([name]) => name === group)?.[1];
  if (poller) return { name: poller.from, valueSchema: poller.wouldPublish };
  const watcherPrefix = `case-router.${deadLetterWatcherName('')}`;
  if (group.startsWith(watcherPrefix))
    return deadLetterTopic(group.slice(watcherPrefix.length), [group], events);
  throw new ContractError(`No catalogue topic is read by the consumer group ${group}.`);
}

/**
 * Every topic the hub needs: the event topics and a dead-letter topic per consumer group, those
 * of the delivery chain read by the case router (whose watchers have dead-letter topics too), and
 * those of the pollers that dead-letter what they fetch (pollerDeadLetterGroups).
 */
export function topicCatalogue(events: readonly TopicSpec[] = eventTopics): TopicSpec[] {
  const watchers = new Map(
    deliveryChainGroups(events).map((group) => [
      group,
      `case-router.${deadLetterWatcherName(group)}`,
    ]),
  );
  const groups = [
    ...new Set([
      ...events.flatMap((topic) => topic.consumers),
      ...watchers.values(),
      ...pollerDeadLetterGroups,
    ]),
  ].sort();
  return [
    ...events,
    ...groups.map((group) => {
      const watcher = watchers.get(group);
      return deadLetterTopic(group, watcher ? [watcher] : [], events);
    }),
  ];
}

/** What `service` must read, as the catalogue says: each of its consumer groups and the topic. */
export function consumedBy(
  service: string,
  catalogue: readonly TopicSpec[] = topicCatalogue(),
): { topic: string; group: string }[] {
  return catalogue
    .flatMap((topic) =>
      topic.consumers
        .filter((group) => group.startsWith(`${service}.`))
        .map((group) => ({ topic: topic.name, group })),
    )
    .sort((a, b) => a.group.localeCompare(b.group));
}

/** The registry subject of a topic's values (TopicNameStrategy). */
export function valueSubject(topic: string): string {
  return `${topic}-value`;
}
