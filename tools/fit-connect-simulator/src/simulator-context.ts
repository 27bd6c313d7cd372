import type { CallbackSender } from './callbacks.js';
import type { Clients } from './clients.js';
import type { Faults } from './faults.js';
import type { SubmissionStore } from './submission-store.js';

export interface SimulatorContext {
  readonly store: SubmissionStore;
  readonly clients: Clients;
  readonly callbacks: CallbackSender;
  readonly faults: () => Faults;
  /** The simulator's clock: tests move it to reach the 14-day pickup limit. */
  readonly now: () => Date;
}
