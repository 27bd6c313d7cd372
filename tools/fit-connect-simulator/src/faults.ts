/** What the simulated platform does wrong on purpose, switchable at run time. */
export interface Faults {
  /** `lose`: no callback at all (the receiver must poll); `duplicate`: the same request twice. */
  readonly callback: 'deliver' | 'lose' | 'duplicate' | 'late';
  /** How long a `late` callback is held back. */
  readonly lateMs: number;
  /** True: fetching a submission answers 503, as during a platform outage. */
  readonly fetchUnavailable: boolean;
}

export const noFaults: Faults = { callback: 'deliver', lateMs: 2_000, fetchUnavailable: false };
