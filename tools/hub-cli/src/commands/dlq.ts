import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { deadLetterTopics, readDeadLetters, replayOf, selects, topicOfId } from '@hub/dead-letters';
import { summaryLine } from '../dlq/summary-line.js';

export const summary =
  'topics | list <dlq-topic> | show <id> | replay <dlq-topic> --id|--code|--key: dead letters';

const usage = [
  'usage: npm run hub -- dlq topics',
  '       npm run hub -- dlq list <dlq-topic>',
  '       npm run hub -- dlq show <dlq-topic>:<partition>:<offset>',
  '       npm run hub -- dlq replay <dlq-topic> [--id <id>] [--code <error code>] [--key <key>]',
  '(brokers from KAFKA_BROKERS; dead-letter topics are dlq.<service>.<handler>)',
].join('\n');

export async function run(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { id: { type: 'string' }, code: { type: 'string' }, key: { type: 'string' } },
  });
  const [command, target] = positionals;
  const kafka = new Kafka({
    clientId: 'hub-cli',
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    logLevel: logLevel.ERROR,
  });
  if (command === 'topics') {
    const topics = await deadLetterTopics(kafka);
    for (const { topic, count } of topics) console.log(`${topic}  ${count}`);
    console.log(`${topics.length} dead-letter topic(s)`);
    return;
  }
  if (!target || !['list', 'show', 'replay'].includes(command ?? '')) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const topic = command === 'show' ? topicOfId(target) : target;
  const letters = await readDeadLetters(kafka, topic);

  if (command === 'list') {
    for (const letter of letters) console.log(summaryLine(letter));
    console.log(`${letters.length} dead letter(s) in ${topic}`);
  } else if (command === 'show') {
    const letter = letters.find(({ id }) => id === target);
    if (!letter) {
      console.error(`no dead letter ${target}`);
      process.exitCode = 1;
      return;
    }
    // Headers hold no personal data; the value may, so only its size is shown.
    console.log(
      JSON.stringify(
        {
          id: letter.id,
          key: letter.key?.toString(),
          headers: letter.headers,
          valueBytes: letter.value?.length ?? 0,
        },
        null,
        2,
      ),
    );
  } else {
    if (values.id === undefined && values.code === undefined && values.key === undefined) {
      console.error('replay needs --id, --code or --key');
      process.exitCode = 2;
      return;
    }
    const chosen = letters.filter((letter) => selects(values, letter));
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      for (const letter of chosen) {
        const { topic: source, message } = replayOf(letter);
        await producer.send({ topic: source, acks: -1, messages: [message] });
        console.log(`replayed ${letter.id} to ${source}`);
      }
    } finally {
      await producer.disconnect();
    }
    console.log(`${chosen.length} dead letter(s) replayed`);
  }
}
