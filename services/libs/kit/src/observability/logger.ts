import { trace } from '@opentelemetry/api';
import { pino, type DestinationStream } from 'pino';
import { redactErrorMessage } from '../errors/redact-error-message.js';

/** The part of a logger the kit writes to; a pino logger is one. */
export interface KitLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * JSON lines on stdout (or `destination`) with the service name and, inside a span, its trace and
 * span id, so a log line leads to its trace. Fields must never hold personal data: log ids and
 * codes, not payloads. An error logged as `err` keeps its type, code and stack frames, but its
 * message (and the stack's copy of it) is redacted, since libraries quote input there.
 */
export function createLogger(
  service: string,
  level = 'info',
  destination?: DestinationStream,
): KitLogger {
  const options = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: redactedError },
    mixin() {
      const span = trace.getActiveSpan()?.spanContext();
      return span ? { trace_id: span.traceId, span_id: span.spanId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

function redactedError(error: unknown): object {
  if (!(error instanceof Error)) return { message: redactErrorMessage(String(error)) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: redactErrorMessage(error.message),
    stack: redactErrorMessage(error.stack ?? ''),
  };
}

/** For tests and tools that want silence. */
export const silentLogger: KitLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
