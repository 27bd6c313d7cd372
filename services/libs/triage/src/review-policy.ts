import type { Category } from './categories.js';
import type { Decision } from './decision.js';

export type Triage =
  | { readonly action: 'route'; readonly category: Category; readonly reason: TriageReason }
  | { readonly action: 'review'; readonly proposal: Category; readonly reason: TriageReason };

export type TriageReason = 'code-given' | 'confident' | 'below-threshold' | 'code-doubtful';

/**
 * Humans stay in control: the classifier routes on its own only at or above `threshold`. A
 * `service_code` the citizen chose is trusted unless the classifier is confident of another one;
 * then staff decide which it is.
 */
export function triage(decision: Decision, threshold: number, givenCode?: Category): Triage {
  const confident = decision.confidence >= threshold;
  if (givenCode) {
    if (confident && decision.category !== givenCode)
      return { action: 'review', proposal: decision.category, reason: 'code-doubtful' };
    return { action: 'route', category: givenCode, reason: 'code-given' };
  }
  if (confident) return { action: 'route', category: decision.category, reason: 'confident' };
  return { action: 'review', proposal: decision.category, reason: 'below-threshold' };
}
