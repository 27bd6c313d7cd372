import type { MigrationSet } from '@hub/kit';

/** This library's tables: `migrations/NNNN_name.sql`, tracked in `triage_migrations`. */
export const triageMigrations: MigrationSet = {
  owner: 'triage',
  folder: new URL('../migrations/', import.meta.url),
};
