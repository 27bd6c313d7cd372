import { z } from 'zod';

/**
 * The ways the simulator misbehaves on purpose. Set at start or replaced at runtime through
 * `POST /__admin/faults` (the whole set: `{}` clears every fault). Counters count down as they fire.
 */
export const faultsSchema = z.strictObject({
  /** Every API call waits this long before it is handled. */
  latencyMs: z.number().int().nonnegative().default(0),
  /** The next N API calls answer `failStatus` without any effect. */
  failNextCalls: z.number().int().nonnegative().default(0),
  failStatus: z.number().int().min(400).max(599).default(503),
  /**
   * Every API call answers `failStatus` without any effect until this instant (Unix ms): an
   * outage of a set length that ends by itself, whoever sets it and however many calls it meets.
   */
  failUntil: z.number().int().nonnegative().default(0),
  /** The next N creates store the transaction and then never answer: the client times out. */
  timeoutNextCreates: z.number().int().nonnegative().default(0),
  /** Every notification is sent this many extra times. */
  duplicateNotifications: z.number().int().nonnegative().default(0),
  /** Notifications are recorded as dropped and never sent. */
  dropNotifications: z.boolean().default(false),
  /** GET and notifications report INITIAL whatever the citizen did, until cleared. */
  stuckAtInitial: z.boolean().default(false),
});

export type Faults = z.output<typeof faultsSchema>;
export type FaultsInput = z.input<typeof faultsSchema>;

export class FaultInjector {
  private faults: Faults;

  constructor(initial: FaultsInput = {}) {
    this.faults = faultsSchema.parse(initial);
  }

  current(): Faults {
    return { ...this.faults };
  }

  replace(input: FaultsInput): Faults {
    this.faults = faultsSchema.parse(input);
    return this.current();
  }

  /** The status to fail this call with, if a failure is due. */
  takeFailure(now = Date.now()): number | undefined {
    if (now < this.faults.failUntil) return this.faults.failStatus;
    if (this.faults.failNextCalls === 0) return undefined;
    this.faults.failNextCalls -= 1;
    return this.faults.failStatus;
  }

  takeCreateTimeout(): boolean {
    if (this.faults.timeoutNextCreates === 0) return false;
    this.faults.timeoutNextCreates -= 1;
    return true;
  }
}
