import { describe, expect, it } from 'vitest';
import { parseDataset } from './dataset.js';
import type { TextClassifier } from './decision.js';
import { evaluate } from './evaluation.js';
import { lexiconClassifier } from './lexicon.js';
import { loadModel } from './model-file.js';
import { naiveBayesClassifier, trainNaiveBayes } from './naive-bayes.js';
import { softmaxClassifier, trainSoftmax } from './softmax-regression.js';

const tiny = parseDataset(
  [
    'strassenschaden\tSchlagloch in der Straße',
    'strassenschaden\tGehweg kaputt, Pflaster lose',
    'beleuchtung\tLaterne ist aus',
    'beleuchtung\tStraßenlampe flackert',
    'kanal\tGully verstopft, Wasser steht',
    'kanal\tKanaldeckel klappert',
  ].join('\n'),
  'tiny',
);

describe.each([
  ['naive Bayes', naiveBayesClassifier(trainNaiveBayes(tiny))],
  ['softmax regression', softmaxClassifier(trainSoftmax(tiny, { epochs: 30 }))],
  ['the shipped model', loadModel()],
] as const)('%s', (_, classifier: TextClassifier) => {
  it('survives typos and explains itself with the words that drove it', () => {
    const decision = classifier.classify('riesen schlaglooch in der strase!!');
    expect(decision.category).toBe('strassenschaden');
    expect(decision.evidence[0]?.word).toMatch(/schlag/);
    expect(decision.confidence).toBeGreaterThan(0);
    expect(decision.ranking.reduce((sum, r) => sum + r.probability, 0)).toBeCloseTo(1, 6);
  });

  it('takes no cue from placeholders of masked personal data', () => {
    const plain = classifier.classify('Laterne ist aus');
    const masked = classifier.classify('Laterne ist aus [NAME] [TELEFON]');
    expect(masked.confidence).toBeCloseTo(plain.confidence, 6);
  });
});

describe('the keyword lexicon', () => {
  it('falls back to sonstiges with no confidence when no keyword matches', () => {
    expect(lexiconClassifier().classify('Die Uhr am Kirchturm geht falsch')).toMatchObject({
      category: 'sonstiges',
      confidence: 0,
    });
  });
});

describe('evaluate', () => {
  it('counts accuracy, macro-F1, coverage and the confusion matrix', () => {
    const alwaysKanal: TextClassifier = {
      technique: 'always-kanal',
      classify: () => ({
        category: 'kanal',
        confidence: 0.7,
        ranking: [{ category: 'kanal', probability: 0.7 }],
        evidence: [],
      }),
    };
    const result = evaluate(alwaysKanal, tiny, 0.8);
    expect(result.accuracy).toBeCloseTo(2 / 6);
    // kanal: precision 2/6, recall 1 → F1 0.5; the other two categories 0.
    expect(result.macroF1).toBeCloseTo(0.5 / 3);
    expect(result.coverage).toBe(0);
    expect(result.confusion.beleuchtung.kanal).toBe(2);
  });
});

describe('parseDataset', () => {
  it('refuses an unknown category naming the line', () => {
    expect(() => parseDataset('# c\nmuell\tok\nstrasse\tLoch', 'x.tsv')).toThrow(/x\.tsv:3/);
  });
});
