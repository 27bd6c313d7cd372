import type { KitLogger } from './observability/logger.js';
import { redactErrorMessage } from './errors/redact-error-message.js';

export interface ShutdownOptions {
  readonly timeoutMs: number;
  readonly logger: KitLogger;
  readonly signals?: readonly NodeJS.Signals[];
  readonly exit?: (code: number) => void;
}

/**
 * On SIGTERM (and SIGINT) runs `stop` once: stop fetching, finish in-flight work, commit,
 * disconnect. Exits 0 when that is done within the bound and 1 when it is not: what is not
 * committed by then is delivered again to the next owner of the partition.
 */
export function shutdownOnSignals(stop: () => Promise<void>, options: ShutdownOptions): void {
  const { timeoutMs, logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeoutMs }, 'shutting down');
    let timer: NodeJS.Timeout | undefined;
    const overdue = new Promise<'overdue'>((resolve) => {
      timer = setTimeout(() => {
        resolve('overdue');
      }, timeoutMs);
    });
    void Promise.race([stop().then(() => 'stopped' as const), overdue])
      .then((outcome) => {
        if (outcome === 'overdue') logger.error({ timeoutMs }, 'shutdown took too long');
        return outcome === 'stopped' ? 0 : 1;
      })
      .catch((error: unknown) => {
        logger.error(
          { reason: error instanceof Error ? redactErrorMessage(error.message) : 'unknown' },
          'shutdown failed',
        );
        return 1;
      })
      .then((code) => {
        clearTimeout(timer);
        exit(code);
      });
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.once(signal, onSignal);
}
