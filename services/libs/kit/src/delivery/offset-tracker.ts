/**
 * The commit rule for one partition: the committable offset is the lowest offset not yet
 * finished (Kafka commits "the next offset to read"), so a slow or retrying record holds the
 * commit back while later records of other keys finish around it.
 */
export class OffsetTracker {
  private readonly pending: bigint[] = [];
  private readonly finishedEarly = new Set<bigint>();
  private nextAfterFinished: bigint | undefined;

  /** Records arrive in offset order per partition. */
  begin(offset: string): void {
    this.pending.push(BigInt(offset));
  }

  finish(offset: string): void {
    this.finishedEarly.add(BigInt(offset));
    while (this.pending.length > 0) {
      const lowest = this.pending[0] as bigint;
      if (!this.finishedEarly.delete(lowest)) break;
      this.pending.shift();
      this.nextAfterFinished = lowest + 1n;
    }
  }

  /** The offset to commit, or undefined while nothing at the head of the partition has finished. */
  committable(): string | undefined {
    return this.nextAfterFinished?.toString();
  }

  get inFlight(): number {
    return this.pending.length;
  }
}
