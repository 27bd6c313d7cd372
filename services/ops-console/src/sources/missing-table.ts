/** PostgreSQL's `undefined_table`: the owning service has not created its tables (yet). */
const undefinedTable = '42P01';

/** Another service's table read before that service ever ran is empty, not an error page. */
export async function emptyWhenMissing<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (error) {
    if ((error as { code?: unknown }).code === undefinedTable) return [];
    throw error;
  }
}
