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
          // In-memory storage keeps up to max-spans, oldest traces go first. The chain's spans
          // take up to ~3 KB of heap each (34,700 spans left 106 MB in the old generation,
          // 2026-12-03), so 100k spans stay near 300 MB under the 512 MB heap however long a
          // benchmark runs; 200k did not fit. Benchmarks sample as well (TRACE_SAMPLE_RATIO).
          '-Xmx512m',
          ...quickStartJvmFlags,
          tagProperty(processTag),
          '-jar',
          artifacts.zipkinJar,
          `--armeria.ports[0].port=${layout.zipkinPort}`,
          '--armeria.ports[0].ip=127.0.0.1',
          '--zipkin.storage.mem.max-spans=100000',
        ],
      };
    },
    async isReady() {
      const response = await fetch(`${url}/health`).catch(() => undefined);
      return response?.ok ?? false;
    },
  };
}
