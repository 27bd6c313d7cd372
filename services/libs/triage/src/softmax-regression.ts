import { categories, type Category } from './categories.js';
import {
  rankScores,
  softmax,
  strongestWords,
  type Decision,
  type LabelledText,
} from './decision.js';
import { featuresByWord } from './features.js';

/** Multinomial logistic regression: one weight per feature and category, plus a bias. */
export interface SoftmaxModel {
  readonly technique: 'softmax-regression';
  readonly weights: Record<string, number[]>;
  readonly bias: number[];
}

export interface SoftmaxTraining {
  readonly epochs: number;
  readonly learningRate: number;
  /** L2 penalty: keeps rare n-grams from memorising single training texts. */
  readonly l2: number;
}

const defaults: SoftmaxTraining = { epochs: 40, learningRate: 0.5, l2: 1e-4 };

/** Feature vector of a text: each feature's count, scaled to unit length. */
function vectorOf(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const features of featuresByWord(text).values())
    for (const feature of features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const norm = Math.sqrt([...counts.values()].reduce((sum, v) => sum + v * v, 0)) || 1;
  for (const [feature, value] of counts) counts.set(feature, value / norm);
  return counts;
}

/**
 * AdaGrad over the training texts in a fixed order (shuffled by a seeded generator), so the same
 * data always gives the same model.
 */
export function trainSoftmax(
  examples: readonly LabelledText[],
  options: Partial<SoftmaxTraining> = {},
): SoftmaxModel {
  const { epochs, learningRate, l2 } = { ...defaults, ...options };
  const k = categories.length;
  const weights = new Map<string, Float64Array>();
  const squared = new Map<string, Float64Array>();
  const bias = new Float64Array(k);
  const vectors = examples.map((example) => ({
    vector: vectorOf(example.text),
    target: categories.indexOf(example.category),
  }));
  const random = seeded(16);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    const rate = learningRate / Math.sqrt(epoch + 1);
    for (const { vector, target } of shuffled(vectors, random)) {
      const probabilities = softmax(scoresOf(vector, bias, (f) => weights.get(f)));
      probabilities.forEach((probability, c) => {
        const gradient = probability - (c === target ? 1 : 0);
        bias[c] = at(bias, c) - rate * gradient;
        for (const [feature, value] of vector) {
          const row = rowOf(weights, feature, k);
          const sq = rowOf(squared, feature, k);
          const g = gradient * value + l2 * at(row, c);
          sq[c] = at(sq, c) + g * g;
          row[c] = at(row, c) - (learningRate * g) / Math.sqrt(at(sq, c) + 1e-8);
        }
      });
    }
  }
  return {
    technique: 'softmax-regression',
    weights: Object.fromEntries(
      [...weights].map(([feature, row]) => [feature, Array.from(row, round)]),
    ),
    bias: Array.from(bias, round),
  };
}

export function softmaxClassifier(model: SoftmaxModel) {
  return {
    technique: 'softmax-regression',
    classify(text: string): Decision {
      const vector = vectorOf(text);
      const scores = scoresOf(vector, model.bias, (feature) => model.weights[feature]);
      const ranking = rankScores(categories, scores);
      const best: Category = ranking[0]?.category ?? 'sonstiges';
      const b = categories.indexOf(best);
      const contributions = new Map<string, number>();
      for (const [word, features] of featuresByWord(text)) {
        let sum = 0;
        for (const feature of new Set(features)) {
          const row = model.weights[feature];
          if (!row) continue;
          const mean = row.reduce((total, w) => total + w, 0) / row.length;
          sum += (at(row, b) - mean) * (vector.get(feature) ?? 0);
        }
        contributions.set(word, sum);
      }
      return {
        category: best,
        confidence: ranking[0]?.probability ?? 0,
        ranking,
        evidence: strongestWords(contributions),
      };
    },
  };
}

function rowOf(map: Map<string, Float64Array>, feature: string, k: number): Float64Array {
  let row = map.get(feature);
  if (!row) {
    row = new Float64Array(k);
    map.set(feature, row);
  }
  return row;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** mulberry32: a tiny deterministic generator, so training is reproducible. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates on a copy. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const swap = result[i];
    result[i] = result[j] as T;
    result[j] = swap as T;
  }
  return result;
}

/** Bias plus the weighted features, per category. */
function scoresOf(
  vector: Map<string, number>,
  bias: ArrayLike<number>,
  rowOfFeature: (feature: string) => ArrayLike<number> | undefined,
): number[] {
  const scores = Array.from(bias);
  for (const [feature, value] of vector) {
    const row = rowOfFeature(feature);
    if (row)
      for (let c = 0; c < scores.length; c += 1) scores[c] = at(scores, c) + at(row, c) * value;
  }
  return scores;
}

function at(values: ArrayLike<number>, index: number): number {
  return values[index] ?? 0;
}
