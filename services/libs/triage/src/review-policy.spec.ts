import { describe, expect, it } from 'vitest';
import type { Category } from './categories.js';
import type { Decision } from './decision.js';
import { triage } from './review-policy.js';

function decision(category: Category, confidence: number): Decision {
  return { category, confidence, ranking: [{ category, probability: confidence }], evidence: [] };
}

describe('the review threshold', () => {
  it('routes a proposal at or above the threshold without a human', () => {
    expect(triage(decision('kanal', 0.6), 0.6)).toEqual({
      action: 'route',
      category: 'kanal',
      reason: 'confident',
    });
  });

  it('queues a proposal just below the threshold for review', () => {
    expect(triage(decision('kanal', 0.5999), 0.6)).toEqual({
      action: 'review',
      proposal: 'kanal',
      reason: 'below-threshold',
    });
  });

  it('follows the threshold it is given', () => {
    expect(triage(decision('muell', 0.8), 0.9).action).toBe('review');
    expect(triage(decision('muell', 0.8), 0.7).action).toBe('route');
  });

  it('trusts the citizen’s service code unless the classifier is confident of another', () => {
    expect(triage(decision('muell', 0.4), 0.6, 'graffiti')).toEqual({
      action: 'route',
      category: 'graffiti',
      reason: 'code-given',
    });
    expect(triage(decision('muell', 0.95), 0.6, 'graffiti')).toEqual({
      action: 'review',
      proposal: 'muell',
      reason: 'code-doubtful',
    });
    expect(triage(decision('muell', 0.95), 0.6, 'muell').action).toBe('route');
  });
});
