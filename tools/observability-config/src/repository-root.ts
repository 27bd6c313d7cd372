import { fileURLToPath } from 'node:url';

/** Generated files are written relative to it. */
export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
