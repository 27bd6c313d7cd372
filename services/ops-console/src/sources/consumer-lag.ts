import type { Admin } from 'kafkajs';

/** How far one group is behind on one partition: end offset minus its committed offset. */
export interface PartitionLag {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  /** undefined: the group has committed nothing there yet (it would start from the beginning). */
  readonly committed: bigint | undefined;
  readonly end: bigint;
  readonly lag: bigint;
}

/** Every consumer group's lag on every partition it has committed to (kafkajs admin, no records read). */
export async function consumerLag(admin: Admin): Promise<PartitionLag[]> {
  const { groups } = await admin.listGroups();
  const ends = new Map<string, Promise<Map<number, { low: bigint; high: bigint }>>>();
  const endsOf = (topic: string) => {
    let known = ends.get(topic);
    if (!known) {
      known = admin
        .fetchTopicOffsets(topic)
        .then(
          (offsets) =>
            new Map(
              offsets.map((o) => [o.partition, { low: BigInt(o.low), high: BigInt(o.high) }]),
            ),
        );
      ends.set(topic, known);
    }
    return known;
  };
  const rows: PartitionLag[] = [];
  for (const { groupId } of groups.sort((a, b) => a.groupId.localeCompare(b.groupId))) {
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
      const topicEnds = await endsOf(topic);
      for (const { partition, offset } of partitions) {
        const end = topicEnds.get(partition);
        if (!end) continue;
        const committed = BigInt(offset) >= 0n ? BigInt(offset) : undefined;
        rows.push({
          group: groupId,
          topic,
          partition,
          committed,
          end: end.high,
          lag: end.high - (committed ?? end.low),
        });
      }
    }
  }
  return rows;
}
