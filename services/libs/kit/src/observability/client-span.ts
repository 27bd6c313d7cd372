import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { HubError } from '@hub/errors';

const tracer = trace.getTracer('@hub/kit');

/** One call to an outside system (XTA endpoint, payment provider), as its CLIENT span shows it. */
export interface OutboundCall {
  /** What the call does, e.g. `sendMessage` or `GET /transactions/{id}`; no ids, no payload. */
  readonly operation: string;
  readonly url: URL;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `http` for REST, `soap` for XTA: becomes `rpc.system` where it is an RPC. */
  readonly protocol: 'http' | 'soap';
}

/**
 * Runs `send` in a CLIENT span that names the target (host, port, path without query) and the
 * outcome (HTTP status, or the error's code), never payload or personal data. `send` gets the W3C
 * trace headers to put on the request, so the outside system can continue the trace. A result
 * with a numeric `status` is taken as the HTTP reply.
 */
export async function inClientSpan<T>(
  call: OutboundCall,
  send: (traceHeaders: Record<string, string>) => Promise<T>,
): Promise<T> {
  const attributes = {
    'server.address': call.url.hostname,
    'server.port': Number(call.url.port || (call.url.protocol === 'https:' ? 443 : 80)),
    'url.full': `${call.url.origin}${call.url.pathname}`,
    'http.request.method': call.method,
    ...(call.protocol === 'soap' ? { 'rpc.system': 'soap', 'rpc.method': call.operation } : {}),
  };
  const name =
    call.protocol === 'soap' ? `soap ${call.operation}` : `${call.method} ${call.operation}`;
  return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      const headers: Record<string, string> = {};
      propagation.inject(context.active(), headers);
      const result = await send(headers);
      const status = httpStatusOf(result);
      if (status !== undefined) {
        span.setAttribute('http.response.status_code', status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      }
      return result;
    } catch (error) {
      const code = error instanceof HubError ? error.code : 'UNCLASSIFIED';
      span.setAttribute('error.type', code);
      span.setStatus({ code: SpanStatusCode.ERROR, message: code });
      throw error;
    } finally {
      span.end();
    }
  });
}

function httpStatusOf(result: unknown): number | undefined {
  if (typeof result !== 'object' || result === null || !('status' in result)) return undefined;
  return typeof result.status === 'number' ? result.status : undefined;
}
