import { spawnSync } from 'node:child_process';
import { PlatformError } from './platform-error.js';

/** `java -version` prints e.g. `openjdk version "17.0.15"` (or `"1.8.0_392"` for Java 8) on stderr. */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

export function requireJava17(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new PlatformError(
      'Java 17 or newer is required but no `java` is on the PATH; install a JDK 17+ (e.g. `apt-get install openjdk-17-jre-headless`).',
    );
  }
  const major = javaMajorVersion(`${result.stderr}${result.stdout}`);
  if (major === undefined || major < 17) {
    throw new PlatformError(
      `Java 17 or newer is required, but \`java -version\` reports ${major ?? 'an unknown version'}; put a JDK 17+ first on the PATH.`,
    );
  }
}

export function requireMaven(): void {
  const result = spawnSync('mvn', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new PlatformError(
      'Maven 3.8+ is required to fetch Kafka, the schema registry and Zipkin from Maven Central the first time, but no working `mvn` is on the PATH.',
    );
  }
}
