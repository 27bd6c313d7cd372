import { HubError } from '@hub/errors';

/** The spellings of one connector and its topic that the templates use. */
export type Placeholders = Readonly<Record<`__${string}__`, string>>;

const kebab = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const pascal = (name: string) =>
  name.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
const camel = (name: string) =>
  name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * `demo` reading `case.citizen-status-changed.v1` → `Demo`, `demo`, `demo` (table prefix),
 * handler `citizen-status-changed`, `CitizenStatusChanged`, `citizenStatusChanged`.
 */
export function placeholders(
  name: string,
  topic: { readonly name: string; readonly valueSchema: string },
): Placeholders {
  if (!kebab.test(name))
    throw new HubError('SCAFFOLD_BAD_NAME', `Not a connector name: ${name} (lower-case, dashes)`, {
      retryable: false,
    });
  const handler = topic.name.split('.')[1] ?? topic.name;
  return {
    __name__: name,
    __Name__: pascal(name),
    __camel__: camel(name),
    __snake__: name.replaceAll('-', '_'),
    __handler__: handler,
    __Handler__: pascal(handler),
    __topicKey__: camel(handler),
    __topicName__: topic.name,
    __valueSchema__: topic.valueSchema,
  };
}

/** Every placeholder in `text` (file contents and paths alike) replaced by its spelling. */
export function fill(text: string, values: Placeholders): string {
  return Object.entries(values).reduce(
    (filled, [key, value]) => filled.replaceAll(key, value),
    text,
  );
}
