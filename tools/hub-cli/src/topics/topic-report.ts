import type { TopicSpec } from '@hub/contracts';
import type { Drift, TopicState } from './topic-drift.js';

/** `topics apply` output: one line per topic, what was wrong and whether it was fixed. */
export function applyReport(drifts: readonly Drift[]): string[] {
  return drifts.map(({ topic, differences, fixes }) => {
    if (differences.length === 0) return `ok       ${topic}`;
    if (differences[0] === 'missing') return `created  ${topic}`;
    const verdict = fixes.length > 0 ? 'fixed   ' : 'DRIFT   ';
    return `${verdict} ${topic}: ${differences.join('; ')}`;
  });
}

/** `topics list` output: the catalogue next to what the cluster has. */
export function listReport(
  catalogue: readonly TopicSpec[],
  states: ReadonlyMap<string, TopicState>,
  drifts: readonly Drift[],
): string[] {
  const header = ['topic', 'partitions', 'retention (days)', 'cleanup', 'owner', 'drift'];
  const rows = catalogue.map((spec) => {
    const state = states.get(spec.name) ?? {};
    const differences = drifts.find((drift) => drift.topic === spec.name)?.differences ?? [];
    return [
      spec.name,
      `${spec.partitions} / ${state.partitions ?? '-'}`,
      `${days(spec.retentionMs)} / ${state.retentionMs === undefined ? '-' : days(state.retentionMs)}`,
      `${spec.cleanupPolicy} / ${state.cleanupPolicy ?? '-'}`,
      spec.owner,
      differences.join('; ') || 'none',
    ];
  });
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return ['(catalogue / cluster)', line(header), ...rows.map(line)];
}

function days(millis: number): string {
  return String(Math.round((millis / 86_400_000) * 100) / 100);
}
