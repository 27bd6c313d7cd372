import type { TopicSpec } from '@hub/contracts';

/** What the cluster has for a topic; undefined fields mean the topic does not exist. */
export interface TopicState {
  readonly partitions?: number;
  readonly retentionMs?: number;
  readonly cleanupPolicy?: string;
}

export type Fix =
  | { readonly kind: 'create' }
  | { readonly kind: 'add-partitions'; readonly to: number }
  | { readonly kind: 'set-configs' };

export interface Drift {
  readonly topic: string;
  /** One line per difference, e.g. `retention.ms 604800000 → 2592000000`. */
  readonly differences: readonly string[];
  /** What apply does about it; differences Kafka cannot fix (fewer partitions) have no fix. */
  readonly fixes: readonly Fix[];
}

/** How the cluster differs from the catalogue for one topic, and what Kafka lets us fix. */
export function driftOf(spec: TopicSpec, state: TopicState): Drift {
  if (state.partitions === undefined)
    return { topic: spec.name, differences: ['missing'], fixes: [{ kind: 'create' }] };
  const differences: string[] = [];
  const fixes: Fix[] = [];
  if (state.partitions < spec.partitions) {
    differences.push(`partitions ${state.partitions} → ${spec.partitions}`);
    fixes.push({ kind: 'add-partitions', to: spec.partitions });
  } else if (state.partitions > spec.partitions) {
    differences.push(
      `partitions ${state.partitions} > ${spec.partitions} (Kafka cannot remove partitions; change the catalogue)`,
    );
  }
  const configDifferences = [
    ['retention.ms', state.retentionMs, spec.retentionMs],
    ['cleanup.policy', state.cleanupPolicy, spec.cleanupPolicy],
  ].filter(([, actual, wanted]) => actual !== wanted);
  for (const [name, actual, wanted] of configDifferences)
    differences.push(`${String(name)} ${String(actual)} → ${String(wanted)}`);
  if (configDifferences.length > 0) fixes.push({ kind: 'set-configs' });
  return { topic: spec.name, differences, fixes };
}

/** The topic-level configs the catalogue owns. */
export function configEntries(spec: TopicSpec): { name: string; value: string }[] {
  return [
    { name: 'retention.ms', value: String(spec.retentionMs) },
    { name: 'cleanup.policy', value: spec.cleanupPolicy },
  ];
}
