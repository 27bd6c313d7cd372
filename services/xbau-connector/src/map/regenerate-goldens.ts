// Rewrites testdata/golden/ from the fixtures. Run on purpose only, then review the diff:
//   npx tsx services/xbau-connector/src/map/regenerate-goldens.ts
import { writeFileSync } from 'node:fs';
import { goldenCases } from './golden-cases.js';
import { toBaugenehmigungAntrag } from './to-baugenehmigung-antrag.js';

for (const golden of goldenCases()) {
  writeFileSync(
    golden.goldenFile,
    `${toBaugenehmigungAntrag(golden.application, golden.context)}\n`,
  );
  process.stdout.write(`wrote ${golden.goldenFile}\n`);
}
