import { bootstrapHubService, type HubServiceOptions, type RoundTimer } from '@hub/kit';
import { CaseStore } from './case-store.js';
import {
  CaseRouterModule,
  DEAD_LETTER_WATCHERS,
  DEADLINE_ROUNDS,
  STUCK_ROUNDS,
  type CaseRouterOptions,
} from './case-router.module.js';
import type { CaseRouterConfig } from './config.js';
import { withUndecodedDeadLetters } from './dead-letter-watch.js';

export interface RunningCaseRouter {
  readonly store: CaseStore;
  /** Checks deadlines now (the timer does so every DEADLINE_SCAN_INTERVAL_MS). */
  applyDeadlines(): Promise<number>;
  /** Flags applications stuck for WATCHDOG_STUCK_AFTER_MS now (the timer does so too); how many were new. */
  checkStuck(): Promise<number>;
  readonly opsPort: number;
  readonly metricsUrl: string;
  stop(): Promise<void>;
}

/** How the case router runs on the kit: its watchers read dead letters as raw bytes. */
export const caseRouterService = {
  handlers: [DEAD_LETTER_WATCHERS],
  decoder: withUndecodedDeadLetters,
} satisfies Omit<HubServiceOptions<CaseRouterConfig>, 'config'>;

/** Starts the case router in the one service shape (tests use this; main.ts runs the same). */
export async function startCaseRouter(
  config: CaseRouterConfig,
  options: CaseRouterOptions & Pick<HubServiceOptions<CaseRouterConfig>, 'logger'> = {},
): Promise<RunningCaseRouter> {
  const { logger, ...routerOptions } = options;
  const service = await bootstrapHubService(CaseRouterModule.with(routerOptions), {
    ...caseRouterService,
    config,
    ...(logger ? { logger } : {}),
  });
  const deadlines = service.get<RoundTimer<number>>(DEADLINE_ROUNDS);
  const stuck = service.get<RoundTimer<number>>(STUCK_ROUNDS);
  return {
    store: service.get<CaseStore>(CaseStore),
    applyDeadlines: () => deadlines.runNow(),
    checkStuck: () => stuck.runNow(),
    opsPort: service.opsPort,
    metricsUrl: `http://127.0.0.1:${String(service.opsPort)}/metrics`,
    stop: () => service.stop(),
  };
}
