import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkEvolution } from './evolution-gate.js';
import { repositoryRoot } from './write-generated-types.js';

/** The gate on this repository, so CI (`npm test`) runs `npm run hub -- contracts check`. */
function hasMainBranch(): boolean {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', 'main^{commit}'], {
      cwd: repositoryRoot,
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

describe('the contracts of this repository', () => {
  it.skipIf(!hasMainBranch())(
    'stay BACKWARD_TRANSITIVE compatible with every version on main',
    () => {
      expect(
        checkEvolution({
          repository: repositoryRoot,
          baseRef: 'main',
          schemaDirectory: 'contracts/schemas',
        }),
      ).toEqual([]);
    },
  );
});
