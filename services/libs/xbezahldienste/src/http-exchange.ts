import { request as httpRequest, type Agent, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { HubError } from '@hub/errors';
import { paymentError } from './payment-errors.js';

export interface HttpCall {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Deadline for the whole exchange, connect to last byte. */
  readonly timeoutMs: number;
  /** For TLS client certificates; node:http rather than fetch because fetch takes no agent. */
  readonly agent?: Agent;
  /** Names the call in error messages, without payload. */
  readonly what: string;
}

export interface HttpReply {
  readonly status: number;
  readonly body: string;
}

const MAX_REPLY_BYTES = 1_048_576;

/**
 * Node's codes for a server certificate we must not trust. Retrying cannot fix them and might talk
 * to an impostor, so they are fatal: the event goes to the dead letters until an operator acts.
 */
const UNTRUSTED_CERTIFICATE = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * One HTTP exchange with transport failures already classified: no answer in time →
 * PAYMENT_PROVIDER_TIMEOUT, no connection or a broken one → PAYMENT_PROVIDER_UNAVAILABLE (both
 * retryable). Any HTTP status comes back as a reply; judging it is the caller's job.
 */
export function exchange(call: HttpCall): Promise<HttpReply> {
  const send = call.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<HttpReply>((resolve, reject) => {
    let timedOut = false;
    const outgoing = send(call.url, {
      method: call.method,
      headers: call.headers,
      agent: call.agent,
    });
    const timer = setTimeout(() => {
      timedOut = true;
      outgoing.destroy();
    }, call.timeoutMs);
    const fail = (cause: unknown) => {
      clearTimeout(timer);
      if (cause instanceof HubError) {
        reject(cause);
        return;
      }
      if (timedOut) {
        const message = `${call.what}: no answer within ${call.timeoutMs} ms`;
        reject(paymentError('PAYMENT_PROVIDER_TIMEOUT', message, cause));
        return;
      }
      const untrusted = UNTRUSTED_CERTIFICATE.has(errorCode(cause) ?? '');
      const code = untrusted ? 'PAYMENT_PROVIDER_UNTRUSTED' : 'PAYMENT_PROVIDER_UNAVAILABLE';
      reject(paymentError(code, `${call.what}: ${describe(cause)}`, cause));
    };
    outgoing.on('error', fail);
    outgoing.on('response', (reply: IncomingMessage) => {
      readBody(reply).then((body) => {
        clearTimeout(timer);
        resolve({ status: reply.statusCode ?? 0, body });
      }, fail);
    });
    outgoing.end(call.body);
  });
}

async function readBody(reply: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of reply) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > MAX_REPLY_BYTES) {
      reply.destroy();
      throw paymentError(
        'PAYMENT_PROVIDER_BAD_RESPONSE',
        `reply larger than ${MAX_REPLY_BYTES} bytes`,
      );
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function errorCode(cause: unknown): string | undefined {
  return cause instanceof Error ? (cause as NodeJS.ErrnoException).code : undefined;
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const code = errorCode(cause);
  return code ? `${code} ${cause.message}` : cause.message;
}
