import { createHash, timingSafeEqual } from 'node:crypto';

/** A set of secret keys compared in constant time (by their SHA-256), so timing leaks nothing. */
export class KeySet {
  private readonly digests: Buffer[];

  constructor(commaSeparated: string) {
    this.digests = commaSeparated.split(',').map(digest);
  }

  has(candidate: unknown): boolean {
    if (typeof candidate !== 'string' || candidate === '') return false;
    const probe = digest(candidate);
    return this.digests.reduce((found, key) => timingSafeEqual(key, probe) || found, false);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
