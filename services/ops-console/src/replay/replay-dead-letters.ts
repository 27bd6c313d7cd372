import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { replayOf, type DeadLetter } from '@hub/dead-letters';
import { HubError } from '@hub/errors';
import { eventHeaders } from '@hub/kit';
import type { DeadLetterSource } from '../dead-letters/dead-letter-source.js';
import { viewOf } from '../dead-letters/dead-letter-view.js';
import type { ReplayAudit } from './replay-audit.js';

export type ReplayOutcome =
  | { readonly id: string; readonly ok: true; readonly target: string }
  | { readonly id: string; readonly ok: false; readonly reason: string };

/**
 * Puts dead letters back on their source topic (key, bytes, event id and trace as they were, the
 * replay count raised: see @hub/dead-letters) and audits each replay with the operator's subject.
 */
export class DeadLetterReplayer {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly source: DeadLetterSource,
    private readonly audit: ReplayAudit,
  ) {
    // The default partitioner, named so kafkajs does not warn: a key lands where its producer put it.
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  async replay(ids: readonly string[], operator: string): Promise<ReplayOutcome[]> {
    const letters = new Map((await this.source.byIds(ids)).map((letter) => [letter.id, letter]));
    const outcomes: ReplayOutcome[] = [];
    for (const id of new Set(ids)) {
      const letter = letters.get(id);
      outcomes.push(
        letter
          ? await this.replayOne(letter, operator)
          : { id, ok: false, reason: 'Fehlerbrief nicht gefunden.' },
      );
    }
    return outcomes;
  }

  private async replayOne(letter: DeadLetter, operator: string): Promise<ReplayOutcome> {
    let replay;
    try {
      replay = replayOf(letter);
    } catch (error) {
      if (error instanceof HubError) return { id: letter.id, ok: false, reason: error.message };
      throw error;
    }
    const view = viewOf(letter);
    // The audit row commits only once the broker has the record (see ReplayAudit.record).
    await this.audit.record(
      {
        operator,
        deadLetterId: letter.id,
        dlqTopic: letter.topic,
        dlqPartition: view.partition,
        dlqOffset: view.offset,
        eventId: letter.headers[eventHeaders.eventId],
        applicationId: view.key,
        targetTopic: replay.topic,
      },
      async () => {
        await this.producer.send({ topic: replay.topic, acks: -1, messages: [replay.message] });
      },
    );
    return { id: letter.id, ok: true, target: replay.topic };
  }
}
