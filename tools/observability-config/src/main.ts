/**
 * `npm run -w tools/observability-config generate | check`: writes (or only compares) the
 * Prometheus config, alert rules, Grafana dashboard and the tables of docs/operations.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { observabilityFiles, writeObservabilityFiles } from './observability-files.js';
import { repositoryRoot } from './repository-root.js';

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'generate': {
      const files = await writeObservabilityFiles();
      console.log(`Wrote ${files.map((file) => file.path).join(', ')}.`);
      return;
    }
    case 'check': {
      const stale = (await observabilityFiles()).filter((file) => {
        const path = join(repositoryRoot, file.path);
        return !existsSync(path) || readFileSync(path, 'utf8') !== file.content;
      });
      for (const file of stale) console.error(`out of date: ${file.path}`);
      if (stale.length > 0) {
        console.error(
          'Run `npm run -w tools/observability-config generate` and commit the result.',
        );
        process.exitCode = 1;
      }
      return;
    }
    default:
      console.error('usage: npm run -w tools/observability-config generate | check');
      process.exitCode = 2;
  }
}

await main(process.argv[2]);
