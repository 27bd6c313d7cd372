import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from './repository-root.js';
import { observabilityFiles } from './observability-files.js';

describe('deploy/prometheus, deploy/grafana and the tables of docs/operations.md', () => {
  it('are what the catalogue, the metric table and npm start generate (npm run -w tools/observability-config generate)', async () => {
    for (const file of await observabilityFiles()) {
      const path = join(repositoryRoot, file.path);
      expect(existsSync(path), file.path).toBe(true);
      expect(readFileSync(path, 'utf8'), file.path).toBe(file.content);
    }
  });
});
