import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  classifierOf,
  datasetFiles,
  evaluate,
  formatEvaluation,
  lexiconClassifier,
  loadModel,
  naiveBayesClassifier,
  OverrideStore,
  readDataset,
  saveModel,
  softmaxClassifier,
  trainNaiveBayes,
  trainSoftmax,
} from '@hub/triage';

export const summary =
  'triage evaluate [--threshold 0.6] [--compare] | retrain [--database-url URL]: the defect classifier';

/**
 * `evaluate` measures the shipped model on the evaluation set (never trained on); `--compare`
 * trains and measures every candidate technique. `retrain` trains from the training set plus the
 * staff overrides in PostgreSQL, writes the shipped model and prints its figures.
 */
export async function run(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      threshold: { type: 'string', default: '0.6' },
      compare: { type: 'boolean', default: false },
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
    },
  });
  const threshold = Number(values.threshold);
  const evaluation = readDataset(datasetFiles.evaluation);
  const training = readDataset(datasetFiles.training);
  if (positionals[0] === 'evaluate') {
    const classifiers = values.compare
      ? [
          lexiconClassifier(),
          naiveBayesClassifier(trainNaiveBayes(training)),
          softmaxClassifier(trainSoftmax(training)),
        ]
      : [loadModel()];
    for (const classifier of classifiers)
      console.log(`${formatEvaluation(evaluate(classifier, evaluation, threshold))}\n`);
    return;
  }
  if (positionals[0] === 'retrain') {
    const overrides = values['database-url'] ? await overridesFrom(values['database-url']) : [];
    const model = trainSoftmax([...training, ...overrides]);
    saveModel(model);
    console.log(
      `trained on ${training.length} training texts + ${overrides.length} staff overrides`,
    );
    console.log(formatEvaluation(evaluate(classifierOf(model), evaluation, threshold)));
    return;
  }
  console.error(summary);
  process.exitCode = 2;
}

async function overridesFrom(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const store = new OverrideStore(pool);
    await store.migrate();
    return await store.labelled();
  } finally {
    await pool.end();
  }
}
