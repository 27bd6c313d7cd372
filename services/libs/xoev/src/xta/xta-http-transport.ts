import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { defaultXmlLimits } from '../xml/xml-limits.js';
import { xoevError } from '../xoev-error.js';
import { xtaNamespaces } from './xta-namespaces.js';
import type { XtaClientOptions, XtaSecurity } from './xta-options.js';
import { UsernameTokenSecurity } from './xta-username-token.js';

/** What went wrong on the wire, in the shape {@link classifyXtaError} reads. */
export class XtaTransportFailure extends Error {
  constructor(
    message: string,
    readonly detail: { readonly code?: string; readonly status?: number; readonly body?: string },
  ) {
    super(message);
    this.name = 'XtaTransportFailure';
  }
}

/**
 * SOAP 1.2 over HTTP(S) to one XTA endpoint (SOAP 1.2 part 2, HTTP binding): one POST per call
 * on kept-alive connections, the action in the media type, the answer returned as text when the
 * status is 2xx and rejected with status and body otherwise (SOAP faults come as 400/500).
 * Authentication: a WS-Security UsernameToken header block, or a TLS client certificate on the
 * connection. Answers larger than the XML parser would accept are cut off unread.
 */
export class XtaHttpTransport {
  private readonly url: URL;
  private readonly agent: HttpAgent;
  private readonly usernameToken?: UsernameTokenSecurity;

  constructor(private readonly options: XtaClientOptions) {
    this.url = new URL(options.endpoint);
    this.agent = agentFor(this.url, options.security);
    if (options.security.kind === 'username-token') {
      this.usernameToken = new UsernameTokenSecurity(
        options.security.username,
        options.security.password,
      );
    }
  }

  /** POSTs the envelope of `headerBlocks` and `body`; resolves with the answer's text. */
  post(
    action: string,
    headerBlocks: string,
    body: string,
    httpHeaders: Record<string, string>,
  ): Promise<string> {
    const envelope = soapEnvelope(headerBlocks + (this.usernameToken?.toXML() ?? ''), body);
    const payload = Buffer.from(envelope, 'utf8');
    const send = this.url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const request = send(this.url, {
        method: 'POST',
        agent: this.agent,
        headers: {
          ...httpHeaders,
          'content-type': `application/soap+xml; charset=utf-8; action="${action}"`,
          'content-length': String(payload.length),
          accept: 'application/soap+xml, text/xml',
        },
      });
      // One deadline for the whole call, the answer's body included. The error is made only
      // when the deadline strikes: an Error's stack trace was 2 % of a busy XBau connector.
      let timeout: XtaTransportFailure | undefined;
      const deadline = setTimeout(() => {
        timeout = failure(`no answer within ${this.options.timeoutMs} ms`, 'ETIMEDOUT');
        request.destroy(timeout);
      }, this.options.timeoutMs);
      request.once('close', () => {
        clearTimeout(deadline);
      });
      request.once('error', (error: NodeJS.ErrnoException) => {
        reject(error instanceof XtaTransportFailure ? error : failure(error.message, error.code));
      });
      request.once('response', (response) => {
        readAnswer(response).then(
          (text) => {
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve(text);
            else reject(new XtaTransportFailure(`HTTP ${status}`, { status, body: text }));
          },
          (error: unknown) => {
            reject(timeout ?? (error as Error));
          },
        );
      });
      request.end(payload);
    });
  }
}

/** The SOAP 1.2 envelope; every header block and the body declare their own namespaces. */
export function soapEnvelope(headerBlocks: string, body: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${xtaNamespaces.soap12}">` +
    `<soap:Header>${headerBlocks}</soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

function agentFor(url: URL, security: XtaSecurity): HttpAgent {
  if (security.kind !== 'tls-client-certificate') {
    return url.protocol === 'https:'
      ? new HttpsAgent({ keepAlive: true })
      : new HttpAgent({ keepAlive: true });
  }
  if (url.protocol !== 'https:') {
    throw xoevError(
      'XTA_REJECTED',
      `XTA endpoint ${url.origin}: a TLS client certificate needs https`,
    );
  }
  return new HttpsAgent({
    keepAlive: true,
    key: security.keyPem,
    cert: security.certificatePem,
    ...(security.caPem === undefined ? {} : { ca: security.caPem }),
  });
}

/** The answer's text, refused once it grows past what the XML parser would accept anyway. */
function readAnswer(response: IncomingMessage): Promise<string> {
  const limit = defaultXmlLimits.maxBytes;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        response.destroy();
        reject(xoevError('XML_TOO_LARGE', `XTA answer is larger than ${limit} bytes`));
      } else chunks.push(chunk);
    });
    response.once('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    response.once('close', () => {
      if (!response.complete) reject(failure('answer cut off', 'ECONNRESET'));
    });
    response.once('error', (error: NodeJS.ErrnoException) => {
      reject(failure(error.message, error.code));
    });
  });
}

function failure(message: string, code: string | undefined): XtaTransportFailure {
  return new XtaTransportFailure(message, code === undefined ? {} : { code });
}
