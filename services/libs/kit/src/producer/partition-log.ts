import { Partitioners, type ICustomPartitioner, type Message } from 'kafkajs';

/**
 * kafkajs' default partitioner, remembering the partition it chose for each message object, so
 * that an acknowledged request can be checked against the partitions its records were meant for.
 *
 * Why: kafkajs 2.2.4 sends one request per partition leader and, when one of them fails, retries
 * only to the leaders that have not answered yet. A partition whose leadership moved (a broker
 * leaving) to a leader that already answered for other partitions is never sent again, and the
 * send resolves anyway: the record is acknowledged and lost (tulios/kafkajs#1303; reproduced in
 * docs/reliability.md, broker restart).
 */
export class PartitionLog {
  private readonly chosen = new WeakMap<Message, number>();

  readonly createPartitioner: ICustomPartitioner = () => {
    const partition = Partitioners.DefaultPartitioner();
    return (args) => {
      const chosen = partition(args);
      this.chosen.set(args.message, chosen);
      return chosen;
    };
  };

  /** The partition the message was last sent to; undefined before any attempt. */
  partitionOf(message: Message): number | undefined {
    return this.chosen.get(message);
  }
}
