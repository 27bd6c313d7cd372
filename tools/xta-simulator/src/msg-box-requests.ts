import { randomUUID } from 'node:crypto';

// A client that never closes would otherwise grow the map without end.
const maxOpenRequests = 10_000;

/**
 * The message-box requests the simulator has answered (OSCI 2 osci:MsgBoxResponse
 * @MsgBoxRequestID), each with the message ids it still has to offer: the rest of a status list
 * for getNextStatusList, the messages after a fetched one for getNextMessage. close must name one.
 */
export class MsgBoxRequests {
  private readonly pending = new Map<string, string[]>();

  /** A new request id, remembering what it has left to offer. */
  issue(left: readonly string[]): string {
    const id = `urn:de:xta:msgboxrequest:simulator:${randomUUID()}`;
    this.pending.set(id, [...left]);
    if (this.pending.size > maxOpenRequests) {
      const [oldest] = this.pending.keys();
      if (oldest !== undefined) this.pending.delete(oldest);
    }
    return id;
  }

  known(requestId: string): boolean {
    return this.pending.has(requestId);
  }

  /** Up to `count` ids the request still offers that are still in the box, and how many are left. */
  take(
    requestId: string,
    count: number,
    stillThere: (messageId: string) => boolean,
  ): { readonly ids: string[]; readonly left: number } {
    const offered = this.pending.get(requestId)?.filter(stillThere);
    if (offered === undefined) return { ids: [], left: 0 };
    const rest = offered.slice(count);
    this.pending.set(requestId, rest);
    return { ids: offered.slice(0, count), left: rest.length };
  }

  close(requestId: string): void {
    this.pending.delete(requestId);
  }
}
