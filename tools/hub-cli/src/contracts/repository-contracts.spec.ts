import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkEvolution } from './evolution-gate.js';
import { repositoryRoot } from './write-generated-types.js';

/** The gate on this repository, so CI (`npm test`) runs `npm run hub -- contracts check`. */
function resolves(ref: string): boolean {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      cwd: repositoryRoot,
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

// A CI clone of a pull request may only have the remote-tracking branch.
const baseRef = ['main', 'origin/main'].find(resolves);

describe('the contracts of this repository', () => {
  it.skipIf(baseRef === undefined)(
    'stay BACKWARD_TRANSITIVE compatible with every version on main',
    () => {
      expect(
        checkEvolution({
          repository: repositoryRoot,
          baseRef: baseRef ?? 'main',
          schemaDirectory: 'contracts/schemas',
        }),
      ).toEqual([]);
    },
  );
});
