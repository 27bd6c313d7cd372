import { categories, type Category } from './categories.js';
import { rankScores, strongestWords, type Decision, type LabelledText } from './decision.js';
import { featuresByWord } from './features.js';

/** Per category: how often each feature occurred in its training texts. */
export interface NaiveBayesModel {
  readonly technique: 'naive-bayes';
  readonly counts: Record<string, Partial<Record<Category, number>>>;
  readonly totals: Record<Category, number>;
  readonly documents: Record<Category, number>;
}

/**
 * The averaged log-likelihood times this is what the softmax sees: high enough that a clear report
 * reaches a confidence near 0.9, low enough that a vague one stays below the review threshold
 * (tuned on the training set, never on the evaluation set).
 */
const evidenceScale = 8;

export function trainNaiveBayes(examples: readonly LabelledText[]): NaiveBayesModel {
  const counts: NaiveBayesModel['counts'] = {};
  const totals = zeros();
  const documents = zeros();
  for (const { text, category } of examples) {
    documents[category] += 1;
    for (const features of featuresByWord(text).values())
      for (const feature of features) {
        const row = (counts[feature] ??= {});
        row[category] = (row[category] ?? 0) + 1;
        totals[category] += 1;
      }
  }
  return { technique: 'naive-bayes', counts, totals, documents };
}

/**
 * Multinomial Naive Bayes with Laplace smoothing. Its raw posteriors are near 0 or 1 (features are
 * far from independent: the n-grams of one word repeat each other), so the log-likelihoods are
 * divided by the number of features before the softmax, which makes the confidence usable for a
 * threshold.
 */
export function naiveBayesClassifier(model: NaiveBayesModel) {
  const vocabulary = Object.keys(model.counts).length;
  const documentTotal = categories.reduce((sum, c) => sum + model.documents[c], 0);
  const logLikelihood = (feature: string, category: Category) =>
    Math.log(
      ((model.counts[feature]?.[category] ?? 0) + 1) / (model.totals[category] + vocabulary),
    );
  return {
    technique: 'naive-bayes',
    classify(text: string): Decision {
      const byWord = [...featuresByWord(text)].map(([word, features]) => ({
        word,
        features: features.filter((feature) => feature in model.counts),
      }));
      const featureCount = Math.max(
        1,
        byWord.reduce((sum, { features }) => sum + features.length, 0),
      );
      const scores = categories.map((category) => {
        const prior = Math.log(
          (model.documents[category] + 1) / (documentTotal + categories.length),
        );
        const likelihood = byWord.reduce(
          (sum, { features }) =>
            sum + features.reduce((inner, f) => inner + logLikelihood(f, category), 0),
          0,
        );
        return prior + (likelihood * evidenceScale) / featureCount;
      });
      const ranking = rankScores(categories, scores);
      const best = ranking[0]?.category ?? 'sonstiges';
      const contributions = new Map(
        byWord.map(({ word, features }) => [
          word,
          features.reduce(
            (sum, f) =>
              sum +
              logLikelihood(f, best) -
              categories.reduce((mean, c) => mean + logLikelihood(f, c), 0) / categories.length,
            0,
          ),
        ]),
      );
      return {
        category: best,
        confidence: ranking[0]?.probability ?? 0,
        ranking,
        evidence: strongestWords(contributions),
      };
    },
  };
}

function zeros(): Record<Category, number> {
  return Object.fromEntries(categories.map((category) => [category, 0])) as Record<
    Category,
    number
  >;
}
