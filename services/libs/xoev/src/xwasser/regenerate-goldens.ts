// Rewrites testdata/xwasser/golden/ from the builders. Run on purpose only, then review the diff:
//   npx tsx services/libs/xoev/src/xwasser/regenerate-goldens.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { goldenCases, goldenPath } from './golden-cases.js';

for (const golden of goldenCases) {
  const path = goldenPath(golden.file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${golden.build()}\n`);
  process.stdout.write(`wrote ${path}\n`);
}
