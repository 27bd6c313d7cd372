import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { HubError } from '@hub/errors';
import {
  noteOutboundFailure,
  noteOutboundSuccess,
  outboundBreakers,
} from '../outage/outbound-breakers.js';
import type { CircuitBreaker } from '../outage/circuit-breaker.js';

const tracer = trace.getTracer('@hub/kit');

/** One call to an outside system (XTA endpoint, payment provider), as its CLIENT span shows it. */
export interface OutboundCall {
  /** What the call does, e.g. `sendMessage` or `GET /transactions/{id}`; no ids, no payload. */
  readonly operation: string;
  readonly url: URL;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `http` for REST, `soap` for XTA: becomes `rpc.system` where it is an RPC. */
  readonly protocol: 'http' | 'soap';
  /** The circuit this call belongs to; default the URL's host and port. */
  readonly endpoint?: string;
}

/**
 * Runs `send` in a CLIENT span that names the target (host, port, path without query) and the
 * outcome (HTTP status, or the error's code), never payload or personal data. `send` gets the W3C
 * trace headers to put on the request, so the outside system can continue the trace. A result
 * with a numeric `status` is taken as the HTTP reply.
 *
 * The call goes through its endpoint's circuit breaker: while the circuit is open it fails at
 * once with the retryable `OUTBOUND_CIRCUIT_OPEN`, without touching the network, and the delivery
 * engine parks the work until a probe gets through (see outage/circuit-breaker.ts).
 */
export async function inClientSpan<T>(
  call: OutboundCall,
  send: (traceHeaders: Record<string, string>) => Promise<T>,
): Promise<T> {
  const breaker = outboundBreakers.of(call.endpoint ?? call.url.host);
  if (!breaker.admit()) {
    noteOutboundFailure(breaker);
    throw new HubError(
      'OUTBOUND_CIRCUIT_OPEN',
      `${breaker.endpoint} is unreachable (circuit open)`,
      {
        retryable: true,
      },
    );
  }
  try {
    const result = await tracedCall(call, send);
    settle(breaker, !retryableStatus(httpStatusOf(result)));
    return result;
  } catch (error) {
    // An endpoint that refuses the request on its merits (a fatal error) is up.
    settle(breaker, error instanceof HubError && !error.retryable);
    throw error;
  }
}

function settle(breaker: CircuitBreaker, reachable: boolean): void {
  if (reachable) {
    breaker.succeeded();
    noteOutboundSuccess(breaker);
  } else {
    breaker.failed();
    noteOutboundFailure(breaker);
  }
}

/** 408, 425, 429 and 5xx say the endpoint cannot serve now (see classifyHttpStatus). */
function retryableStatus(status: number | undefined): boolean {
  return (
    status !== undefined && (status === 408 || status === 425 || status === 429 || status >= 500)
  );
}

async function tracedCall<T>(
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
