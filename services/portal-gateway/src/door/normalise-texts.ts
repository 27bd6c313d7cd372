/**
 * Every string of the parsed request in Unicode NFC and without surrounding white space, so that
 * "Mu\u0308ller" and "Müller " are the same name before anything is checked or delivered.
 */
export function normaliseTexts<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC').trim() as T;
  if (Array.isArray(value)) return value.map((item: unknown) => normaliseTexts(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, normaliseTexts(item)]),
    ) as T;
  }
  return value;
}
