import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, versions, type StackLayout } from './layout.js';
import { PlatformError } from './platform-error.js';
import { requireMaven } from './prerequisites.js';

/** Where the resolved artifacts of the pinned versions live once the cache is filled. */
export interface ResolvedArtifacts {
  /** Directory holding the broker's runtime classpath (every jar in it). */
  readonly kafkaLibs: string;
  /** Directory of the unpacked Apicurio Registry. */
  readonly registryHome: string;
  /** Its runnable jar (the Quarkus runner; its libraries lie beside it). */
  readonly registryJar: string;
  readonly zipkinJar: string;
}

const completeMarker = '.complete';

export function artifactPaths(layout: StackLayout): ResolvedArtifacts {
  const registryHome = join(layout.cache, `apicurio-registry-${versions.apicurioRegistry}`);
  return {
    kafkaLibs: join(layout.cache, `kafka-${versions.kafka}`),
    registryHome,
    registryJar: join(
      registryHome,
      `apicurio-registry-app-${versions.apicurioRegistry}-runner.jar`,
    ),
    zipkinJar: join(
      layout.cache,
      `zipkin-${versions.zipkin}`,
      `zipkin-server-${versions.zipkin}-exec.jar`,
    ),
  };
}

function isComplete(dir: string): boolean {
  return existsSync(join(dir, completeMarker));
}

function mvn(args: string[], what: string): void {
  const result = spawnSync('mvn', ['-B', '-q', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    const detail = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-5).join(' ');
    throw new PlatformError(`Maven could not resolve ${what} from Maven Central: ${detail}`);
  }
}

/**
 * Fills `dir` through a temporary sibling and a rename, so that an interrupted first run never
 * leaves a half-filled directory that later runs would mistake for a complete one.
 */
function fillOnce(dir: string, fill: (tmp: string) => void): void {
  if (isComplete(dir)) return;
  const tmp = `${dir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  fill(tmp);
  writeFileSync(join(tmp, completeMarker), new Date().toISOString());
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
}

/** Resolves the pinned artifacts with Maven on the first run; later runs use the cache offline. */
export function ensureArtifacts(layout: StackLayout): ResolvedArtifacts {
  const paths = artifactPaths(layout);
  const missing = [paths.kafkaLibs, paths.registryHome, join(paths.zipkinJar, '..')].some(
    (dir) => !isComplete(dir),
  );
  if (!missing) return paths;
  requireMaven();
  console.log(
    'First run: resolving Kafka, Apicurio Registry and Zipkin from Maven Central (cached afterwards)...',
  );

  fillOnce(paths.kafkaLibs, (tmp) => {
    mvn(
      [
        '-f',
        join(repoRoot, 'tools/platform/maven/kafka-runtime.pom.xml'),
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${tmp}`,
      ],
      `Apache Kafka ${versions.kafka}`,
    );
  });
  fillOnce(paths.registryHome, (tmp) => {
    const artifact = `io.apicurio:apicurio-registry-app:${versions.apicurioRegistry}:tar.gz:all`;
    mvn(['dependency:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${tmp}`], artifact);
    const archive = readdirSync(tmp).find((name) => name.endsWith('.tar.gz'));
    if (!archive)
      throw new PlatformError(`Maven reported success but ${artifact} is not in ${tmp}.`);
    const untar = spawnSync('tar', ['-xzf', join(tmp, archive), '-C', tmp], { encoding: 'utf8' });
    if (untar.status !== 0)
      throw new PlatformError(`Could not unpack ${archive}: ${untar.stderr.trim()}`);
    rmSync(join(tmp, archive));
  });
  fillOnce(join(paths.zipkinJar, '..'), (tmp) => {
    const artifact = `io.zipkin:zipkin-server:${versions.zipkin}:jar:exec`;
    mvn(['dependency:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${tmp}`], artifact);
  });
  return paths;
}
