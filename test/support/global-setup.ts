import type { TestProject } from 'vitest/node';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
    // A stack started with `npm run platform -- up` has no topics yet: apply them, idempotently.
    applyContracts(reusable);
    project.provide('platform', reusable);
    return undefined;
  }
  try {
    const started = await up(layout);
    applyContracts(started);
    project.provide('platform', started);
  } catch (error) {
    await down(layout);
    throw error;
  }
  return async () => {
    if (process.env.PLATFORM_KEEP !== '1') await down(layout);
  };
}

/**
 * As `npm start` does: the catalogue's topics with their configs and every subject at
 * BACKWARD_TRANSITIVE. Through the CLI, as a newcomer would run it (and without a dependency of
 * the harness on the CLI, whose own tests use the harness).
 */
function applyContracts(endpoints: PlatformEndpoints): void {
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  // `--import tsx` rather than tsx's CLI: the setup runs in vitest's module runner, which has no
  // import.meta.resolve to find it.
  const applied = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'tools/hub-cli/src/main.ts', 'contracts', 'apply'],
    { cwd: repoRoot, env: { ...process.env, ...endpoints }, encoding: 'utf8' },
  );
  if (applied.status !== 0)
    throw new Error(`hub contracts apply failed:\n${applied.stdout}${applied.stderr}`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    platform: PlatformEndpoints;
  }
}
