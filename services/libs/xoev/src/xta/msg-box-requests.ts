/**
 * Which message-box request (osci:MsgBoxResponse/@MsgBoxRequestID) offered or delivered each
 * message, so that `close(messageId)` can name it as OSCI 2 requires, without asking the caller.
 * A status list is forgotten when the next one starts; a fetch when its message is closed.
 */
export class MsgBoxRequests {
  private listedBy = new Map<string, string>();
  private readonly fetchedBy = new Map<string, string>();

  /** A new status list replaces what the previous one offered. */
  newList(): void {
    this.listedBy = new Map();
  }

  listed(requestId: string | undefined, messageIds: readonly string[]): void {
    if (requestId === undefined) return;
    for (const id of messageIds) this.listedBy.set(id, requestId);
  }

  fetched(requestId: string | undefined, messageId: string): void {
    if (requestId !== undefined) this.fetchedBy.set(messageId, requestId);
  }

  /** The request that delivered the message (else the list that offered it), now forgotten. */
  takeForClose(messageId: string): string | undefined {
    const requestId = this.fetchedBy.get(messageId) ?? this.listedBy.get(messageId);
    this.fetchedBy.delete(messageId);
    this.listedBy.delete(messageId);
    return requestId;
  }
}
