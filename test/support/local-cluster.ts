import { defaultLayout, runningEndpoints, status, stopPart, up } from '@hub/platform';
import { platform } from './platform.js';

/** The brokers of the local stack this run uses, for fault tests of the cluster itself. */
export interface LocalCluster {
  /** `kafka-1` … `kafka-3`. */
  readonly brokers: readonly string[];
  /** The broker a fault test stops: `CHAOS_BROKER` (e.g. `kafka-3`), else a random one. */
  readonly victim: string;
  stopBroker(name: string): Promise<void>;
  /** Starts every stopped broker again; resolves once the cluster is whole and ready. */
  startBrokers(): Promise<void>;
}

/**
 * The local stack of `npm run platform -- up --nodes 3` (same PLATFORM_HOME and HUB_PORT_OFFSET)
 * when it is the one this run talks to and it has three brokers; undefined otherwise, e.g. on the
 * shared single-broker platform, where a fault test of a broker cannot run.
 */
export async function localThreeNodeCluster(): Promise<LocalCluster | undefined> {
  const layout = defaultLayout(3);
  const brokers = (await status(layout))
    .filter((part) => part.name.startsWith('kafka-') && part.ready)
    .map((part) => part.name);
  if (brokers.length !== 3) return undefined;
  if (runningEndpoints(layout)?.KAFKA_BROKERS !== platform().KAFKA_BROKERS) return undefined;
  const victim =
    process.env.CHAOS_BROKER ?? brokers[Math.floor(Math.random() * brokers.length)] ?? '';
  return {
    brokers,
    victim,
    async stopBroker(name) {
      if (!(await stopPart(layout, name))) throw new TypeError(`${name} was not running`);
    },
    async startBrokers() {
      await up(layout, { kafkaOnly: true });
    },
  };
}
