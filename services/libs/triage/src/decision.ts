import type { Category } from './categories.js';

/** A word of the report and how strongly it pushed towards the proposed category. */
export interface Evidence {
  readonly word: string;
  readonly weight: number;
}

/** A classifier's proposal, with what staff need to judge it. */
export interface Decision {
  readonly category: Category;
  /** Probability of the proposed category, 0..1. */
  readonly confidence: number;
  /** Every category with its probability, most likely first. */
  readonly ranking: readonly { readonly category: Category; readonly probability: number }[];
  /** The words that drove the decision, strongest first (at most five). */
  readonly evidence: readonly Evidence[];
}

export interface TextClassifier {
  readonly technique: string;
  classify(text: string): Decision;
}

export interface LabelledText {
  readonly text: string;
  readonly category: Category;
}

/** Scores → probabilities that sum to 1 (shifted by the maximum, so no exp overflows). */
export function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

/** Softmax over per-category scores, as a ranking. */
export function rankScores(
  categories: readonly Category[],
  scores: readonly number[],
): Decision['ranking'] {
  const probabilities = softmax(scores);
  return categories
    .map((category, index) => ({ category, probability: probabilities[index] ?? 0 }))
    .sort((a, b) => b.probability - a.probability);
}

/** The five words with the largest positive contribution, rounded for display. */
export function strongestWords(contributions: Map<string, number>): Evidence[] {
  return [...contributions]
    .filter(([, weight]) => weight > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([word, weight]) => ({ word, weight: Math.round(weight * 100) / 100 }));
}
