import type { BusinessHttp } from '@hub/kit';
import type { FitConnectReceiverConfig } from './config.js';

/** The callback endpoint on HTTP_PORT: the raw body is kept, the signature is over its bytes. */
export function receiverHttp(config: FitConnectReceiverConfig): BusinessHttp {
  return { port: config.HTTP_PORT, rawBody: true };
}
