/** Generated files are written relative to it. */
export { repoRoot as repositoryRoot } from '@hub/platform';
