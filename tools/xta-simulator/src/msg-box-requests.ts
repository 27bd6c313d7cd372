import { randomUUID } from 'node:crypto';
import type { MessageBoxStore } from './message-box-store.js';
import type { BoxEntry } from './simulated-authority.js';

// A client that never closes would otherwise grow the map without end.
const maxOpenRequests = 10_000;

/** What a request still offers: the box's messages placed after `after`, up to `upTo`. */
interface Offer {
  after: number;
  readonly upTo: number;
}

/**
 * The message-box requests the simulator has answered (OSCI 2 osci:MsgBoxResponse
 * @MsgBoxRequestID), each with what it still has to offer: the rest of a status list for
 * getNextStatusList, the messages after a fetched one for getNextMessage. close must name one.
 * A request remembers a range of the box's order, not a copy of its ids, so a full box costs
 * nothing per request.
 */
export class MsgBoxRequests {
  private readonly pending = new Map<string, Offer>();

  /** A new request id offering the messages placed after `after`, up to `upTo`. */
  issue(after: number, upTo: number): string {
    const id = `urn:de:xta:msgboxrequest:simulator:${randomUUID()}`;
    this.pending.set(id, { after, upTo });
    if (this.pending.size > maxOpenRequests) {
      const [oldest] = this.pending.keys();
      if (oldest !== undefined) this.pending.delete(oldest);
    }
    return id;
  }

  known(requestId: string): boolean {
    return this.pending.has(requestId);
  }

  /**
   * Up to `count` messages the request still offers that are still in the box (they are offered
   * no more), and how many are left after them.
   */
  take(
    requestId: string,
    count: number,
    box: MessageBoxStore,
  ): { readonly entries: BoxEntry[]; readonly left: number } {
    const offer = this.pending.get(requestId);
    if (offer === undefined) return { entries: [], left: 0 };
    const entries: BoxEntry[] = [];
    let left = 0;
    for (const { place, entry } of box.between(offer.after, offer.upTo)) {
      if (entries.length < count) {
        entries.push(entry);
        offer.after = place;
      } else left += 1;
    }
    return { entries, left };
  }

  close(requestId: string): void {
    this.pending.delete(requestId);
  }
}
