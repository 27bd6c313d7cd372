/**
 * A contract that cannot be loaded (a broken schema, an unknown schema name). Contracts depend on
 * no other hub package, so this is not a HubError; it only ever fails at startup or in a test.
 */
export class ContractError extends Error {
  override readonly name = 'ContractError';
}
