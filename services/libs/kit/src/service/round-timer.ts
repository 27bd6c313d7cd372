import type { KitLogger } from '../observability/logger.js';

export interface RoundTimerOptions<T = unknown> {
  /** Pause between the end of one round and the start of the next. */
  readonly intervalMs: number;
  readonly logger: KitLogger;
  /** Logged when a round fails, e.g. `reply round failed; the unfinished replies stay in the box`. */
  readonly onFailure: string;
  /**
   * True when the round's result says more work is waiting (it took a full batch): the next round
   * starts at once instead of after the pause, so a backlog drains at the work's own pace.
   */
  readonly moreWaiting?: (result: T) => boolean;
}

/**
 * Runs `round` again and again, never two at once: the next round is scheduled when the previous
 * one has finished (a slow round delays the next one instead of piling up beside it). `runNow`
 * queues one more round behind the running one, for tests and operators. Nest calls `start` and
 * `stop` when the timer is a provider.
 */
export class RoundTimer<T> {
  private round: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    private readonly work: () => Promise<T>,
    private readonly options: RoundTimerOptions<T>,
  ) {}

  runNow(): Promise<T> {
    const next = this.round.then(() => this.work());
    this.round = next.catch(() => undefined);
    return next;
  }

  start(): void {
    this.stopping = false;
    this.schedule();
  }

  /** No new round starts; resolves when the running one has finished. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.round;
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  private schedule(delayMs = this.options.intervalMs): void {
    this.timer = setTimeout(() => {
      void this.runNow()
        .then(
          (result) => (this.options.moreWaiting?.(result) ? 0 : this.options.intervalMs),
          (error: unknown) => {
            this.options.logger.warn({ err: error }, this.options.onFailure);
            return this.options.intervalMs;
          },
        )
        .then((next) => {
          if (!this.stopping) this.schedule(next);
        });
    }, delayMs);
  }
}
