import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { topicCatalogue } from '@hub/contracts';
import { contractsReadme, topicTable, withTopicTable } from './topic-table.js';

describe('the topic table in contracts/README.md', () => {
  it('is the one generated from the catalogue (run npm run hub -- contracts generate)', async () => {
    const readme = readFileSync(contractsReadme, 'utf8');
    expect(readme).toContain(await topicTable(topicCatalogue()));
    expect(await withTopicTable(readme, topicCatalogue())).toBe(readme);
  });
});
