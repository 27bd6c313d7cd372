import type { ResolvedArtifacts } from './artifacts.js';

/** One process of the local platform, described once; the stack starts, waits for and stops it. */
export interface Part {
  readonly name: string;
  /** Loopback ports it listens on; each must be free before it starts. */
  readonly ports: readonly number[];
  /** What a client connects to, as shown by `status`. */
  readonly address: string;
  /** The command that runs it in the foreground (the launcher detaches it). */
  command(artifacts: ResolvedArtifacts, processTag: string): { command: string; args: string[] };
  /** Prepares data directories before the first start (e.g. formats Kafka storage). */
  prepare?(artifacts: ResolvedArtifacts): void;
  /** True once a client can really use it. */
  isReady(): Promise<boolean>;
}

export const jvmFlags = ['-XX:+UseSerialGC', '-Djava.awt.headless=true'];

/** For servers whose start-up time matters more than their peak throughput (registry, Zipkin). */
export const quickStartJvmFlags = [...jvmFlags, '-XX:TieredStopAtLevel=1'];

/** A system property that marks the JVM as one of the stack's parts (see ManagedProcess.tag). */
export function tagProperty(processTag: string): string {
  return `-Dhub.platform=${processTag}`;
}
