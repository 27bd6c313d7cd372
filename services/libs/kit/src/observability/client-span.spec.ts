import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HubError } from '@hub/errors';
import { inClientSpan } from './client-span.js';

const spans = new InMemorySpanExporter();

describe('inClientSpan', () => {
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }),
    );
  });
  afterAll(() => {
    trace.disable();
    propagation.disable();
    context.disable();
  });
  beforeEach(() => {
    spans.reset();
  });

  const call = {
    operation: 'getTransaction',
    url: new URL('https://provider.example:8443/paymenttransaction/x/y/t-1?secret=1'),
    method: 'GET' as const,
    protocol: 'http' as const,
  };

  it('names the target and the HTTP outcome, and hands the trace context to the request', async () => {
    let sent: Record<string, string> = {};
    await inClientSpan(call, (headers) => {
      sent = headers;
      return Promise.resolve({ status: 503, body: 'Service Unavailable' });
    });

    const [span] = spans.getFinishedSpans();
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.name).toBe('GET getTransaction');
    expect(span?.attributes).toEqual({
      'server.address': 'provider.example',
      'server.port': 8443,
      'url.full': 'https://provider.example:8443/paymenttransaction/x/y/t-1',
      'http.request.method': 'GET',
      'http.response.status_code': 503,
    });
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(sent.traceparent).toBe(
      `00-${span?.spanContext().traceId ?? ''}-${span?.spanContext().spanId ?? ''}-01`,
    );
  });

  it('records the error code of a failed SOAP call, never its message', async () => {
    const soap = {
      ...call,
      operation: 'sendMessage',
      method: 'POST' as const,
      protocol: 'soap' as const,
    };
    const failure = new HubError('XTA_UNAVAILABLE', 'ECONNREFUSED for Erika Mustermann', {
      retryable: true,
    });
    await expect(inClientSpan(soap, () => Promise.reject(failure))).rejects.toBe(failure);

    const [span] = spans.getFinishedSpans();
    expect(span?.name).toBe('soap sendMessage');
    expect(span?.attributes).toMatchObject({
      'rpc.system': 'soap',
      'error.type': 'XTA_UNAVAILABLE',
    });
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'XTA_UNAVAILABLE' });
    expect(JSON.stringify(span?.attributes)).not.toContain('Erika');
  });
});
