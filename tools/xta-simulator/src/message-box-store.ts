import type { BoxEntry } from './simulated-authority.js';

/** An entry with its place in the order of arrival (1, 2, 3, ...; never reused). */
export interface PlacedEntry {
  readonly place: number;
  readonly entry: BoxEntry;
}

/**
 * The messages waiting in the message box, oldest first. Looking one up or taking it out does not
 * depend on how full the box is: a benchmark leaves tens of thousands of replies waiting, and
 * every getMessage and close is one lookup.
 */
export class MessageBoxStore {
  // A Map iterates in insertion order, and places only grow: iteration is oldest first.
  private readonly entries = new Map<string, PlacedEntry>();
  private last = 0;

  put(entry: BoxEntry): void {
    this.last += 1;
    this.entries.set(entry.messageId, { place: this.last, entry });
  }

  get(messageId: string): BoxEntry | undefined {
    return this.entries.get(messageId)?.entry;
  }

  placeOf(messageId: string): number | undefined {
    return this.entries.get(messageId)?.place;
  }

  /** Takes the message out; false when it is not in the box. */
  remove(messageId: string): boolean {
    return this.entries.delete(messageId);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The place of the newest message ever put in (0 before the first). */
  get newestPlace(): number {
    return this.last;
  }

  /**
   * How many messages in the box came after the one at `place`. Walks only the messages before
   * it, which for the oldest ones (what a reader fetches first) are few.
   */
  countAfter(place: number): number {
    let upToPlace = 0;
    for (const placed of this.entries.values()) {
      if (placed.place > place) break;
      upToPlace += 1;
    }
    return this.entries.size - upToPlace;
  }

  /** The messages still in the box whose place is after `after` and at most `upTo`, oldest first. */
  *between(after: number, upTo: number): Generator<PlacedEntry> {
    for (const placed of this.entries.values()) {
      if (placed.place > upTo) return;
      if (placed.place > after) yield placed;
    }
  }
}
