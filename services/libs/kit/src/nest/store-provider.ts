import type { Provider, Type } from '@nestjs/common';
import pg from 'pg';

/** A store over the service's pool that creates its tables at start (`migrate()`). */
export interface PoolStore {
  migrate(): Promise<void>;
}

/** Provides `new Store(pool)`, migrated before anything that injects it starts. */
export function storeProvider(store: Type<PoolStore>): Provider {
  return {
    provide: store,
    useFactory: async (pool: pg.Pool) => {
      const instance = new store(pool);
      await instance.migrate();
      return instance;
    },
    inject: [pg.Pool],
  };
}
