import type { KitLogger } from '@hub/kit';
import type { IntakeOutcome } from './submission-intake.js';

/**
 * Submission ids waiting to be taken, each at most once at a time, `concurrency` at once. A
 * callback only puts ids here and is answered at once; a failed take is left to the next poll.
 */
export class SubmissionQueue {
  private readonly waiting: string[] = [];
  private readonly queued = new Set<string>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly take: (submissionId: string) => Promise<IntakeOutcome>,
    private readonly concurrency: number,
    private readonly logger: KitLogger,
  ) {}

  enqueue(submissionIds: readonly string[]): void {
    for (const id of submissionIds) {
      if (this.queued.has(id)) continue;
      this.queued.add(id);
      this.waiting.push(id);
    }
    this.pump();
  }

  /** Resolves once nothing waits and nothing runs (tests, shutdown). */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async onModuleDestroy(): Promise<void> {
    // Work not started is dropped here on purpose: FIT-Connect keeps it, the next poll finds it.
    for (const id of this.waiting.splice(0)) this.queued.delete(id);
    await this.idle();
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const id = this.waiting.shift();
      if (id === undefined) return;
      this.start(id);
    }
  }

  private start(id: string): void {
    this.running += 1;
    void this.take(id)
      .catch((error: unknown) => {
        this.logger.warn({ err: error, submissionId: id }, 'submission left for the next poll');
      })
      .finally(() => {
        this.queued.delete(id);
        this.running -= 1;
        this.pump();
        if (this.running === 0 && this.waiting.length === 0) {
          for (const resolve of this.idleWaiters.splice(0)) resolve();
        }
      });
  }
}
