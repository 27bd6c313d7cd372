import type { MigrationSet } from '@hub/kit';

/** This service's tables: `migrations/NNNN_name.sql`, applied by the kit's `migrate` at start. */
export const postboxConnectorMigrations: MigrationSet = {
  owner: 'postbox-connector',
  folder: new URL('../migrations/', import.meta.url),
};
