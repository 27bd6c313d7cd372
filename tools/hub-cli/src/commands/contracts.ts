import { parseArgs } from 'node:util';
import { schemaSet, topicCatalogue } from '@hub/contracts';
import { SchemaRegistryClient } from '@hub/avro-serde';
import { applyContracts, applyReport } from '../apply-contracts.js';
import { checkEvolution } from '../contracts/evolution-gate.js';
import { baselineRef } from '../contracts/git-history.js';
import { registerContracts } from '../contracts/register-contracts.js';
import { writeTopicTable } from '../contracts/topic-table.js';
import { repositoryRoot, writeGeneratedTypes } from '../contracts/write-generated-types.js';

export const summary =
  'generate | check [--base <ref>, default origin/main or main] | register [--registry URL] | apply: the Avro contracts (apply: topics with their configs, then register; as npm start does)';

const defaultRegistryUrl = 'http://127.0.0.1:8081/apis/ccompat/v7';

export async function run(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { base: { type: 'string' }, registry: { type: 'string' } },
  });
  switch (positionals[0]) {
    case 'generate': {
      const written = await writeGeneratedTypes(schemaSet);
      await writeTopicTable(topicCatalogue());
      console.log(
        `Wrote ${written.length} files to contracts/src/generated and the topic table of contracts/README.md.`,
      );
      return;
    }
    case 'check': {
      const base = values.base ?? baselineRef(repositoryRoot);
      const violations = checkEvolution({
        repository: repositoryRoot,
        baseRef: base,
        schemaDirectory: 'contracts/schemas',
      });
      if (violations.length === 0) {
        console.log(`All schemas can read every version on ${base} (BACKWARD_TRANSITIVE).`);
        return;
      }
      console.error(`${violations.length} incompatible change(s) against ${base}:`);
      for (const violation of violations) console.error(`  ${violation}`);
      console.error(
        'See contracts/README.md, "Evolving a schema"; a breaking change needs a new .v<major> topic.',
      );
      process.exitCode = 1;
      return;
    }
    case 'register': {
      const url = values.registry ?? process.env.SCHEMA_REGISTRY_URL ?? defaultRegistryUrl;
      const registrations = await registerContracts(new SchemaRegistryClient(url));
      for (const { subject, schemaId } of registrations)
        console.log(`${subject.padEnd(60)} id ${schemaId}  BACKWARD_TRANSITIVE`);
      return;
    }
    case 'apply': {
      const applied = await applyContracts({
        KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
        SCHEMA_REGISTRY_URL:
          values.registry ?? process.env.SCHEMA_REGISTRY_URL ?? defaultRegistryUrl,
      });
      const report = applyReport(applied.drifts);
      for (const line of report) console.log(line);
      console.log(`${applied.registrations.length} subjects registered at BACKWARD_TRANSITIVE.`);
      // What Kafka cannot fix needs a person: fail so scripts notice.
      if (report.some((line) => line.startsWith('DRIFT'))) process.exitCode = 1;
      return;
    }
    default:
      console.error(`usage: npm run hub -- contracts ${summary.split(':')[0] ?? ''}`);
      process.exitCode = 2;
  }
}
