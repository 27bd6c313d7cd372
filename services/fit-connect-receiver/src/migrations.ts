import type { MigrationSet } from '@hub/kit';

/** This service's tables: `migrations/NNNN_name.sql`, applied by the kit's `migrate` at start. */
export const fitConnectReceiverMigrations: MigrationSet = {
  owner: 'fit-connect-receiver',
  folder: new URL('../migrations/', import.meta.url),
};
