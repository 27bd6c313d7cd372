/**
 * The embedded PostgreSQL fallback (PGlite behind its socket server) for machines where no
 * PostgreSQL server answers. Run by the launcher as a detached process:
 *   embedded-postgres-server.ts <port> <data-dir> <process-tag>
 * The process tag only marks the command line (see ManagedProcess.tag).
 */
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const [portArgument, dataDir] = process.argv.slice(2);
if (!portArgument || !dataDir) {
  console.error('usage: embedded-postgres-server.ts <port> <data-dir> <process-tag>');
  process.exit(2);
}

const db = await PGlite.create(dataDir);
const server = new PGLiteSocketServer({
  db,
  port: Number(portArgument),
  host: '127.0.0.1',
  maxConnections: 20,
});
await server.start();
console.log(
  `embedded PostgreSQL (PGlite) listening on 127.0.0.1:${portArgument}, data in ${dataDir}`,
);

async function shutdown(): Promise<void> {
  await server.stop();
  await db.close();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
