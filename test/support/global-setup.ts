import type { TestProject } from 'vitest/node';
import { applyContracts } from '@hub/hub-cli/apply-contracts';
import {
  defaultLayout,
  down,
  runningEndpoints,
  status,
  up,
  type PlatformEndpoints,
} from '@hub/platform';

function fromEnvironment(): PlatformEndpoints | undefined {
  const { KAFKA_BROKERS, SCHEMA_REGISTRY_URL, DATABASE_URL, ZIPKIN_URL } = process.env;
  if (!KAFKA_BROKERS || !SCHEMA_REGISTRY_URL || !DATABASE_URL || !ZIPKIN_URL) return undefined;
  return { KAFKA_BROKERS, SCHEMA_REGISTRY_URL, DATABASE_URL, ZIPKIN_URL };
}

/**
 * Gives every integration test the same platform: the one named by KAFKA_BROKERS,
 * SCHEMA_REGISTRY_URL, DATABASE_URL and ZIPKIN_URL; else a local stack that is already up; else a
 * stack started here and stopped after the run (PLATFORM_KEEP=1 leaves it running).
 */
export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  const given = fromEnvironment();
  if (given) {
    project.provide('platform', given);
    return undefined;
  }
  const layout = defaultLayout();
  const parts = await status(layout);
  const reusable = parts.every((part) => part.ready) ? runningEndpoints(layout) : undefined;
  if (reusable) {
    project.provide('platform', reusable);
    return undefined;
  }
  try {
    const started = await up(layout);
    // As `npm start` does: the catalogue's topic configs and BACKWARD_TRANSITIVE subjects.
    await applyContracts(started);
    project.provide('platform', started);
  } catch (error) {
    await down(layout);
    throw error;
  }
  return async () => {
    if (process.env.PLATFORM_KEEP !== '1') await down(layout);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    platform: PlatformEndpoints;
  }
}
