import { randomUUID } from 'node:crypto';

/** A topic name no other test uses, so tests never see each other's records. */
export function uniqueTopic(purpose: string): string {
  return `test.${purpose}.${randomUUID().slice(0, 8)}`;
}

/** A consumer group no other test uses. */
export function uniqueGroup(purpose: string): string {
  return `test.${purpose}.${randomUUID().slice(0, 8)}`;
}
