import { randomUUID } from 'node:crypto';

/** A topic name no other test uses, so tests never see each other's records. */
export function uniqueTopic(purpose: string): string {
  return `test.${purpose}.${randomUUID().slice(0, 8)}`;
}

/** A consumer group no other test uses. */
export function uniqueGroup(purpose: string): string {
  return `test.${purpose}.${randomUUID().slice(0, 8)}`;
}

/**
 * A SERVICE_NAME for one test harness: the suite's name and a random suffix. Consumer groups are
 * `<service>.<handler>`, so no two suites, and no suite and a developer's `npm start`, share a
 * group (and split its partitions between them).
 */
export function uniqueServiceName(suite: string): string {
  return `${suite}-${randomUUID().slice(0, 8)}`;
}
