import { HubError } from '@hub/errors';

/**
 * The catalogue's source with `group` added to the consumers of `topicName`: the connector's
 * handler reads a catalogue topic, and the catalogue says so (one source of topic facts).
 */
export function withConsumer(catalogueSource: string, topicName: string, group: string): string {
  const at = catalogueSource.indexOf(`name: '${topicName}'`);
  const open = at < 0 ? -1 : catalogueSource.indexOf('consumers: [', at);
  const close = open < 0 ? -1 : catalogueSource.indexOf(']', open);
  if (close < 0)
    throw new HubError(
      'SCAFFOLD_NO_TOPIC',
      `No topic ${topicName} with consumers in the catalogue`,
      {
        retryable: false,
      },
    );
  const listed = catalogueSource.slice(open + 'consumers: ['.length, close);
  const consumers = [...listed.matchAll(/'([^']+)'/g)].map(([, consumer]) => consumer ?? '');
  if (consumers.includes(group)) return catalogueSource;
  const list = [...consumers, group].map((consumer) => `'${consumer}'`).join(', ');
  return `${catalogueSource.slice(0, open)}consumers: [${list}${catalogueSource.slice(close)}`;
}
