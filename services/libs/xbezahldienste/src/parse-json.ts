/** JSON.parse that answers undefined for non-JSON, so schema validation reports one kind of failure. */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
