import { topicCatalogue } from '@hub/contracts';
import { kafkaAdmin } from '@hub/platform';
import { applyTopics } from '../topics/apply-topics.js';
import { readTopicStates } from '../topics/cluster-topics.js';
import { driftOf } from '../topics/topic-drift.js';
import { applyReport, listReport } from '../topics/topic-report.js';

export const summary = 'apply | list: the Kafka topics of the catalogue in contracts/src/topics.ts';

export async function run(args: string[]): Promise<void> {
  const [command] = args;
  if (command !== 'apply' && command !== 'list') {
    console.error('usage: npm run hub -- topics apply | list   (brokers from KAFKA_BROKERS)');
    process.exitCode = 2;
    return;
  }
  const admin = kafkaAdmin(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092');
  await admin.connect();
  try {
    const catalogue = topicCatalogue();
    if (command === 'apply') {
      const report = applyReport(await applyTopics(admin, catalogue));
      for (const line of report) console.log(line);
      // What Kafka cannot fix needs a person: fail so scripts notice.
      if (report.some((line) => line.startsWith('DRIFT'))) process.exitCode = 1;
    } else {
      const states = await readTopicStates(
        admin,
        catalogue.map((spec) => spec.name),
      );
      const drifts = catalogue.map((spec) => driftOf(spec, states.get(spec.name) ?? {}));
      for (const line of listReport(catalogue, states, drifts)) console.log(line);
    }
  } finally {
    await admin.disconnect();
  }
}
