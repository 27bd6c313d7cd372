import { OffsetTracker } from './offset-tracker.js';

type Commit = (offset: string) => Promise<void>;

/**
 * The records of one partition within one group generation: which offsets are done and which
 * offset was committed last. Commits run one at a time and always take the newest committable
 * offset, so a burst of finished records costs one or two commits, not one each.
 */
export class PartitionLane {
  private readonly tracker = new OffsetTracker();
  private committed: string | undefined;
  private commits: Promise<void> = Promise.resolve();
  private retired = false;

  constructor(private readonly commit: Commit) {}

  begin(offset: string): void {
    this.tracker.begin(offset);
  }

  finish(offset: string): Promise<void> {
    this.tracker.finish(offset);
    this.commits = this.commits.then(() => this.commitNewest());
    return this.commits;
  }

  /** After a rebalance the partition restarts from its committed offset under a new lane. */
  retire(): void {
    this.retired = true;
  }

  flushed(): Promise<void> {
    return this.commits;
  }

  private async commitNewest(): Promise<void> {
    const offset = this.tracker.committable();
    if (this.retired || offset === undefined || offset === this.committed) return;
    await this.commit(offset);
    this.committed = offset;
  }
}
