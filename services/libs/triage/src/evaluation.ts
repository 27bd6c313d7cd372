import { performance } from 'node:perf_hooks';
import { categories, type Category } from './categories.js';
import type { LabelledText, TextClassifier } from './decision.js';

export interface Evaluation {
  readonly technique: string;
  readonly examples: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly threshold: number;
  /** Share of reports at or above the threshold: routed without a human. */
  readonly coverage: number;
  /** Accuracy among those routed without a human. */
  readonly accuracyAboveThreshold: number;
  /** confusion[actual][predicted] */
  readonly confusion: Record<Category, Record<Category, number>>;
  readonly msPerReport: number;
}

export function evaluate(
  classifier: TextClassifier,
  examples: readonly LabelledText[],
  threshold: number,
): Evaluation {
  const confusion = Object.fromEntries(
    categories.map((actual) => [actual, Object.fromEntries(categories.map((p) => [p, 0]))]),
  ) as Record<Category, Record<Category, number>>;
  let correct = 0;
  let covered = 0;
  let coveredCorrect = 0;
  const started = performance.now();
  for (const { text, category } of examples) {
    const decision = classifier.classify(text);
    confusion[category][decision.category] += 1;
    const right = decision.category === category;
    if (right) correct += 1;
    if (decision.confidence >= threshold) {
      covered += 1;
      if (right) coveredCorrect += 1;
    }
  }
  const elapsed = performance.now() - started;
  const n = Math.max(1, examples.length);
  return {
    technique: classifier.technique,
    examples: examples.length,
    accuracy: correct / n,
    macroF1: macroF1(confusion),
    threshold,
    coverage: covered / n,
    accuracyAboveThreshold: covered === 0 ? 0 : coveredCorrect / covered,
    confusion,
    msPerReport: elapsed / n,
  };
}

/** The unweighted mean of the per-category F1 over the categories that occur or are predicted. */
function macroF1(confusion: Record<Category, Record<Category, number>>): number {
  const scores = categories.flatMap((c) => {
    const truePositives = confusion[c][c];
    const actual = categories.reduce((sum, p) => sum + confusion[c][p], 0);
    const predicted = categories.reduce((sum, a) => sum + confusion[a][c], 0);
    if (actual === 0 && predicted === 0) return [];
    return [actual + predicted === 0 ? 0 : (2 * truePositives) / (actual + predicted)];
  });
  return scores.reduce((sum, f) => sum + f, 0) / Math.max(1, scores.length);
}

/** The evaluation as the CLI prints it: figures, then the confusion matrix (rows = actual). */
export function formatEvaluation(result: Evaluation): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  const short = (c: string) => c.slice(0, 6);
  const header = ['actual\\pred', ...categories.map(short)].map((cell) => cell.padStart(7));
  const rows = categories.map((actual) =>
    [short(actual), ...categories.map((p) => String(result.confusion[actual][p]))].map((cell) =>
      cell.padStart(7),
    ),
  );
  return [
    `technique               ${result.technique}`,
    `examples                ${result.examples}`,
    `accuracy                ${pct(result.accuracy)}`,
    `macro-F1                ${result.macroF1.toFixed(3)}`,
    `coverage at ${result.threshold.toFixed(2)}       ${pct(result.coverage)} (accuracy there ${pct(result.accuracyAboveThreshold)})`,
    `time per report         ${result.msPerReport.toFixed(3)} ms`,
    '',
    header.join(' '),
    ...rows.map((row) => row.join(' ')),
  ].join('\n');
}
