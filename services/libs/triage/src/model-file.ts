import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HubError } from '@hub/errors';
import type { TextClassifier } from './decision.js';
import { naiveBayesClassifier, type NaiveBayesModel } from './naive-bayes.js';
import { softmaxClassifier, type SoftmaxModel } from './softmax-regression.js';

export type TriageModel = NaiveBayesModel | SoftmaxModel;

/** The model the services load: built by `npm run hub -- triage retrain` and committed. */
export const shippedModelFile = fileURLToPath(
  new URL('../model/triage-model.json', import.meta.url),
);

export function classifierOf(model: TriageModel): TextClassifier {
  return model.technique === 'naive-bayes' ? naiveBayesClassifier(model) : softmaxClassifier(model);
}

export function loadModel(file = shippedModelFile): TextClassifier {
  const model = JSON.parse(readFileSync(file, 'utf8')) as Partial<TriageModel>;
  if (model.technique !== 'naive-bayes' && model.technique !== 'softmax-regression')
    throw new HubError('TRIAGE_MODEL_INVALID', `${file} holds no triage model`, {
      retryable: false,
    });
  return classifierOf(model as TriageModel);
}

export function saveModel(model: TriageModel, file = shippedModelFile): void {
  writeFileSync(file, JSON.stringify(model));
}
