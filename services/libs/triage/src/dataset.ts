import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HubError } from '@hub/errors';
import { isCategory } from './categories.js';
import type { LabelledText } from './decision.js';

/** The labelled German reports the repository ships: one for training, one kept for evaluation. */
export const datasetFiles = {
  training: fileURLToPath(new URL('../data/training.tsv', import.meta.url)),
  evaluation: fileURLToPath(new URL('../data/evaluation.tsv', import.meta.url)),
};

/** `category<TAB>text` per line; `#` lines are comments. */
export function parseDataset(tsv: string, source: string): LabelledText[] {
  return tsv
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'))
    .map(({ line, number }) => {
      const tab = line.indexOf('\t');
      const category = line.slice(0, tab);
      if (tab < 0 || !isCategory(category))
        throw new HubError('TRIAGE_DATASET_INVALID', `${source}:${number}: unknown category`, {
          retryable: false,
        });
      return { category, text: line.slice(tab + 1) };
    });
}

export function readDataset(file: string): LabelledText[] {
  return parseDataset(readFileSync(file, 'utf8'), file);
}
