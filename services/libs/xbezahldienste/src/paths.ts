/**
 * The XBezahldienste resource paths, relative to the profile's base URL:
 *   POST paymenttransaction/{originatorId}/{endpointId}                       create
 *   GET  paymenttransaction/{originatorId}/{endpointId}/{transactionId}       status
 *   POST paymenttransaction/{originatorId}/{endpointId}/{transactionId}/cancel   hub extension
 *   POST paymenttransaction/{originatorId}/{endpointId}/{transactionId}/refund   hub extension
 */
export interface ProviderAccount {
  readonly originatorId: string;
  readonly endpointId: string;
}

export function transactionsPath(account: ProviderAccount): string {
  return `paymenttransaction/${encodeURIComponent(account.originatorId)}/${encodeURIComponent(account.endpointId)}`;
}

export function transactionPath(account: ProviderAccount, transactionId: string): string {
  return `${transactionsPath(account)}/${encodeURIComponent(transactionId)}`;
}

/** Resolves a relative path against the base URL, keeping the base URL's own path prefix. */
export function resolveAgainst(baseUrl: string, path: string): URL {
  return new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
}
