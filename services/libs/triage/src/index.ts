export {
  categories,
  categoryInfo,
  isCategory,
  type Category,
  type CategoryInfo,
} from './categories.js';
export type { Decision, Evidence, LabelledText, TextClassifier } from './decision.js';
export { datasetFiles, parseDataset, readDataset } from './dataset.js';
export { evaluate, formatEvaluation, type Evaluation } from './evaluation.js';
export { lexiconClassifier } from './lexicon.js';
export { maskPersonalData, type MaskedText, type PersonalDataKind } from './masking.js';
export {
  classifierOf,
  loadModel,
  saveModel,
  shippedModelFile,
  type TriageModel,
} from './model-file.js';
export { OverrideStore } from './override-store.js';
export { naiveBayesClassifier, trainNaiveBayes, type NaiveBayesModel } from './naive-bayes.js';
export { triage, type Triage, type TriageReason } from './review-policy.js';
export { softmaxClassifier, trainSoftmax, type SoftmaxModel } from './softmax-regression.js';
