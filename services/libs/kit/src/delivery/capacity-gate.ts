/**
 * Where the fetch loops of a group's partitions wait while too many records are in flight. A
 * freed slot wakes every waiting loop (each checks again): waking only one would leave the other
 * partitions asleep until their timeout, though records finish a batch at a time.
 */
export class CapacityGate {
  private waiters: (() => void)[] = [];

  /** Resolves when a slot is freed, or after `timeoutMs` (to heartbeat), whichever comes first. */
  wait(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** A slot was freed (or the group stops): every waiter looks again. */
  open(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  get waiting(): number {
    return this.waiters.length;
  }
}
