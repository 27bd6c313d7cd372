import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { topicCatalogue } from '@hub/contracts';
import { HubError } from '@hub/errors';
import { repoRoot } from '@hub/platform';
import { writeConnector } from '../scaffold/write-connector.js';

export const summary =
  'connector <name> [--topic <catalogue topic>]: a new connector in services/<name>, consumer of the topic (default case.citizen-status-changed.v1)';

const defaultTopic = 'case.citizen-status-changed.v1';

export async function run(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { topic: { type: 'string', default: defaultTopic } },
  });
  const [kind, name] = positionals;
  if (kind !== 'connector' || name === undefined)
    throw new HubError('SCAFFOLD_USAGE', `usage: npm run hub -- new ${summary}`, {
      retryable: false,
    });
  const topic = topicCatalogue().find((spec) => spec.name === values.topic);
  if (topic?.key !== 'applicationId (UUID)')
    throw new HubError(
      'SCAFFOLD_NO_TOPIC',
      `${values.topic} is not an event topic keyed by application id in contracts/src/topics.ts`,
      { retryable: false },
    );
  const written = await writeConnector({ name, topic });
  for (const path of written) console.log(`wrote ${relative(repoRoot, path)}`);
  console.log(
    `\nNext: npm install (links the new workspace), then npm test; npm start runs it.\n` +
      `Its handler ${name}.${topic.name.split('.')[1] ?? ''} is now a consumer of ${topic.name}.`,
  );
}
