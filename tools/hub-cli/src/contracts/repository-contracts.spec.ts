import { describe, expect, it } from 'vitest';
import { checkEvolution } from './evolution-gate.js';
import { baselineRef } from './git-history.js';
import { repositoryRoot } from './write-generated-types.js';

/**
 * The gate on this repository, so CI (`npm test`) runs `npm run hub -- contracts check`. Without
 * the history of main it fails, naming what to fetch: a gate that skips lets anything through.
 */
describe('the contracts of this repository', () => {
  it('stay BACKWARD_TRANSITIVE compatible with every version on main', () => {
    const baseRef = baselineRef(repositoryRoot);
    expect(
      checkEvolution({ repository: repositoryRoot, baseRef, schemaDirectory: 'contracts/schemas' }),
    ).toEqual([]);
  });
});
