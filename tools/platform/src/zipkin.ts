import { zipkinUrl, type StackLayout } from './layout.js';
import { quickStartJvmFlags, tagProperty, type Part } from './part.js';

/** Zipkin server with in-memory storage, fed by the services' OpenTelemetry Zipkin exporter. */
export function zipkinPart(layout: StackLayout): Part {
  const url = zipkinUrl(layout);
  return {
    name: 'zipkin',
    ports: [layout.zipkinPort],
    address: url,
    command(artifacts, processTag) {
      return {
        command: 'java',
        args: [
          // In-memory storage keeps up to max-spans; a whole-chain benchmark fills 256 MB within
          // minutes (issue 17), so the store is bounded below what the heap holds: oldest traces go first.
          '-Xmx512m',
          ...quickStartJvmFlags,
          tagProperty(processTag),
          '-jar',
          artifacts.zipkinJar,
          `--armeria.ports[0].port=${layout.zipkinPort}`,
          '--armeria.ports[0].ip=127.0.0.1',
          '--zipkin.storage.mem.max-spans=200000',
        ],
      };
    },
    async isReady() {
      const response = await fetch(`${url}/health`).catch(() => undefined);
      return response?.ok ?? false;
    },
  };
}
