import type { KitLogger } from '@hub/kit';
import type { CheckTrigger, PaymentVerifier } from './payment-verifier.js';

/**
 * Runs status checks after the HTTP answer has gone out. One check per payment at a time; a trigger
 * arriving while one runs asks for exactly one more afterwards (the running GET may predate the
 * change the trigger announces). Failures are logged: the poller is the safety net.
 */
export class BackgroundChecks {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();

  constructor(
    private readonly verifier: Pick<PaymentVerifier, 'check'>,
    private readonly logger: KitLogger,
  ) {}

  trigger(paymentId: string, trigger: CheckTrigger): void {
    if (this.running.has(paymentId)) {
      this.again.add(paymentId);
      return;
    }
    const run = async (): Promise<void> => {
      do {
        this.again.delete(paymentId);
        try {
          await this.verifier.check(paymentId, trigger);
        } catch (error) {
          this.logger.warn(
            { err: error, paymentId, trigger },
            'status check failed; the poller retries',
          );
        }
      } while (this.again.has(paymentId));
    };
    this.running.set(
      paymentId,
      run().finally(() => this.running.delete(paymentId)),
    );
  }

  /** Resolves when every check started so far has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }
}
