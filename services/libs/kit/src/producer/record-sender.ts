import type { Message, Producer } from 'kafkajs';
import type { KafkaClient } from '../kafka/kafka-client.js';
import { PartitionLog } from './partition-log.js';
import { SendBatches } from './send-batches.js';

/**
 * The hub's one way to write records: kafkajs' idempotent producer with one request in flight,
 * batched and with every acknowledgement checked (SendBatches). Events go through EventProducer,
 * which encodes them; dead letters, whose values are raw bytes, come here directly.
 */
export class RecordSender {
  private readonly producer: Producer;
  private readonly batches: SendBatches;

  /** `onLeftOut`: see SendBatches (the fault suite counts what kafkajs left out). */
  constructor(kafka: KafkaClient, onLeftOut?: (records: number) => void) {
    const partitions = new PartitionLog();
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: partitions.createPartitioner,
    });
    this.batches = new SendBatches(this.producer, partitions, onLeftOut);
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  /** Resolves when all in-sync replicas of the record's partition have it. */
  send(topic: string, message: Message): Promise<void> {
    return this.batches.send(topic, message);
  }
}
