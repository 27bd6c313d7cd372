import { execFileSync } from 'node:child_process';
import { HubError } from '@hub/errors';
import type { SchemaSource } from '@hub/contracts';

/** A past state of the schema directory: the commit and the `.avsc` files as they were then. */
export interface SchemaRevision {
  readonly commit: string;
  readonly sources: readonly SchemaSource[];
}

/**
 * Every state of `schemaDirectory` (relative to the repository root) in the history of `ref`,
 * newest first: what BACKWARD_TRANSITIVE compares against, since any of them may still be on a
 * topic.
 */
export function schemaHistory(
  repository: string,
  ref: string,
  schemaDirectory: string,
): SchemaRevision[] {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repository, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  } catch (error) {
    throw new HubError(
      'CONTRACTS_NO_BASELINE',
      `git cannot find ${ref} in ${repository}; pass another base with --base.`,
      {
        retryable: false,
        cause: error,
      },
    );
  }
  const commits = git('log', '--format=%H', ref, '--', schemaDirectory).split('\n').filter(Boolean);
  return commits.map((commit) => ({
    commit,
    sources: git('ls-tree', '-r', '--name-only', commit, '--', schemaDirectory)
      .split('\n')
      .filter((path) => path.endsWith('.avsc'))
      .map((path) => ({
        name: path.slice(schemaDirectory.length + 1, -'.avsc'.length),
        text: git('show', `${commit}:${path}`),
      })),
  }));
}

/**
 * The branch the gate compares with: `CONTRACTS_BASE_REF` if set, else `origin/main` (a clone of a
 * pull request, as CI makes it, has full history but often no local `main`, and the remote branch
 * is what will be merged into), else the local `main`. A shallow clone lacks the old versions the
 * gate must read, and no baseline at all would let any change through: both are refused, saying
 * what to fetch, never skipped.
 */
export function baselineRef(repository: string, env: NodeJS.ProcessEnv = process.env): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repository, encoding: 'utf8', stdio: 'pipe' }).trim();
  if (git('rev-parse', '--is-shallow-repository') === 'true')
    throw new HubError(
      'CONTRACTS_SHALLOW_CLONE',
      `${repository} is a shallow clone; the evolution gate needs the history of main: git fetch --unshallow.`,
      { retryable: false },
    );
  const candidates = env.CONTRACTS_BASE_REF ? [env.CONTRACTS_BASE_REF] : ['origin/main', 'main'];
  const found = candidates.find((ref) => {
    try {
      git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
      return true;
    } catch {
      return false;
    }
  });
  if (found === undefined)
    throw new HubError(
      'CONTRACTS_NO_BASELINE',
      `git cannot find ${candidates.join(' or ')} in ${repository}: git fetch origin main (or set CONTRACTS_BASE_REF).`,
      { retryable: false },
    );
  return found;
}
