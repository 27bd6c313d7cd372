import pg from 'pg';
import { timelineChannel } from './application-registry.js';

/**
 * Wakes live status streams when an application's timeline changes, through PostgreSQL
 * LISTEN/NOTIFY, so that every gateway instance hears of changes written by any of them.
 */
export class TimelineNotifications {
  private readonly listeners = new Map<string, Set<() => void>>();
  private client: pg.Client | undefined;

  constructor(private readonly databaseUrl: string) {}

  async start(): Promise<void> {
    this.client = new pg.Client({ connectionString: this.databaseUrl });
    // A lost connection must not end the process; /health/ready reports the database.
    this.client.on('error', () => undefined);
    await this.client.connect();
    this.client.on('notification', (message) => {
      for (const listener of this.listeners.get(message.payload ?? '') ?? []) listener();
    });
    await this.client.query(`listen ${timelineChannel}`);
  }

  subscribe(applicationId: string, listener: () => void): () => void {
    const set = this.listeners.get(applicationId) ?? new Set();
    set.add(listener);
    this.listeners.set(applicationId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(applicationId);
    };
  }

  async stop(): Promise<void> {
    await this.client?.end();
  }
}
