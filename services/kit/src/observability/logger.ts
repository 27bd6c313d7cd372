import { trace } from '@opentelemetry/api';
import { pino } from 'pino';

/** The part of a logger the kit writes to; a pino logger is one. */
export interface KitLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * JSON lines on stdout with the service name and, inside a span, its trace and span id, so a log
 * line leads to its trace. Fields must never hold personal data: log ids and codes, not payloads.
 */
export function createLogger(service: string, level = 'info'): KitLogger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const span = trace.getActiveSpan()?.spanContext();
      return span ? { trace_id: span.traceId, span_id: span.spanId } : {};
    },
  });
}

/** For tests and tools that want silence. */
export const silentLogger: KitLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
