import avro from 'avsc';
import {
  deadLetterTopic,
  deadLetterWatcherName,
  deliveryChainGroups,
  eventTopics,
} from '@hub/contracts';
import { contextOf } from '@hub/dead-letters';
import { HubError } from '@hub/errors';
import type { Decoder, HandlerDefinition, KitLogger } from '@hub/kit';
import { onChainDeadLettered, type Outgoing } from './case-decisions.js';
import type { CaseRouterMetrics } from './case-router-metrics.js';
import { requireCase, type CaseRouter } from './case-router.js';

/*
 * Dead letters are the record as read (ADR 0013): the original key (the application id) and
 * headers, and a value that may not even decode. The watchers need the key only and read the value
 * undecoded: this reader type, theirs alone, marks them for the decoder below.
 */
export const undecodedDeadLetter = avro.Type.forSchema('bytes');

/** The service's decoder, but dead letters are handed over as the bytes they are. */
export function withUndecodedDeadLetters(serde: Decoder): Decoder {
  return {
    decode: (bytes, readerType) =>
      readerType === undecodedDeadLetter
        ? Promise.resolve({ value: bytes })
        : serde.decode(bytes, readerType),
  };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The router's command that `group` carries out, from the catalogue. */
function commandOf(group: string): Outgoing['topic'] {
  const topic = eventTopics.find((spec) => (spec.consumers as readonly string[]).includes(group));
  return topic?.name as Outgoing['topic'];
}

/** How services run here when not under their catalogue names: catalogue name → SERVICE_NAME. */
export type PeerServiceNames = Readonly<Record<string, string>>;

/**
 * The dead-letter topic of a catalogue group as it runs here: `dlq.<group>`, with the service part
 * renamed where the connector runs under another SERVICE_NAME (its groups, and so its dead-letter
 * topics, carry that name).
 */
function watchedTopicOf(group: string, peers: PeerServiceNames): string {
  const service = group.slice(0, group.indexOf('.'));
  const running = peers[service];
  return running === undefined
    ? deadLetterTopic(group).name
    : `dlq.${running}${group.slice(service.length)}`;
}

/** The dead-letter topics the watchers read, from the catalogue. */
export function watchedDeadLetterTopics(peers: PeerServiceNames = {}): string[] {
  return deliveryChainGroups().map((group) => watchedTopicOf(group, peers));
}

/** Each watcher's handler name and the dead-letter topic it reads. */
export function deadLetterWatcherBindings(
  peers: PeerServiceNames = {},
): { name: string; topic: string; group: string }[] {
  return deliveryChainGroups().map((group) => ({
    name: deadLetterWatcherName(group),
    topic: watchedTopicOf(group, peers),
    group,
  }));
}

/**
 * One handler per group of the delivery chain: a dead letter there means an accepted application
 * will not go on by itself. Its case moves to DELIVERY_FAILED (the citizen is told), counted and
 * logged with the application id and the dead-letter topic, nothing else.
 */
export function deadLetterWatchers(
  router: Pick<CaseRouter, 'decideOnce' | 'decisionSettings'>,
  metrics: CaseRouterMetrics,
  logger: KitLogger,
  peers: PeerServiceNames = {},
): HandlerDefinition<Buffer>[] {
  return deadLetterWatcherBindings(peers).map(({ name, topic, group }) => {
    const command = commandOf(group);
    return {
      name,
      topic,
      type: undecodedDeadLetter,
      async handle(_record, context) {
        const applicationId = context.key ?? '';
        if (!uuid.test(applicationId))
          throw new HubError(
            'DEAD_LETTER_WITHOUT_APPLICATION',
            `A dead letter in ${topic} is not keyed by an application id.`,
            {
              retryable: false,
            },
          );
        const decision = await router.decideOnce(applicationId, context, (current) =>
          onChainDeadLettered(
            requireCase(current, applicationId),
            { command, deadLetterTopic: topic },
            router.decisionSettings(),
          ),
        );
        if (decision?.next.state !== 'DELIVERY_FAILED' || decision.citizen.length === 0) return;
        metrics.deliveryFailed.inc({ dead_letter_topic: topic });
        logger.error(
          {
            applicationId,
            deadLetterTopic: topic,
            code: contextOf(context.headers).errorCode,
          },
          'accepted application dead-lettered: the citizen sees DELIVERY_FAILED',
        );
      },
    };
  });
}
