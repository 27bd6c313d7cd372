import { z } from 'zod';
import { defaultBreakerSettings } from '../outage/circuit-breaker.js';
import { defaultOutagePolicy } from '../outage/outage-policy.js';

const positiveInt = z.coerce.number().int().positive();

/** A TCP port; 0 lets the system pick a free one (tests). */
export const port = z.coerce.number().int().min(0).max(65_535);

/** What every connector needs to run; a connector extends it with its own variables. */
export const kitConfigSchema = z.object({
  SERVICE_NAME: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
    .describe('Service name: consumer groups are `<service>.<handler>`.'),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'comma-separated host:port list')
    .describe('Kafka bootstrap brokers, `host:port[,host:port]`.'),
  SCHEMA_REGISTRY_URL: z.url().describe('Confluent-compatible schema registry base URL.'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// connection URL')
    .describe('PostgreSQL for the idempotency ledger.'),
  OPS_PORT: port.default(9464).describe('Port of /health/live, /health/ready and /metrics.'),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'])
    .default('info')
    .describe('Lowest level written to the JSON log.'),
  TRACE_EXPORTER: z
    .enum(['zipkin', 'otlp', 'none'])
    .default('zipkin')
    .describe('Where spans go: Zipkin locally, OTLP/HTTP in production.'),
  ZIPKIN_URL: z
    .url()
    .default('http://127.0.0.1:9411')
    .describe('Zipkin base URL (spans go to `/api/v2/spans`).'),
  TRACE_SAMPLE_RATIO: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(1)
    .describe(
      'Share of the traces started here that are kept; a trace begun elsewhere follows its parent, so a kept trace is whole.',
    ),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url()
    .optional()
    .describe('OTLP/HTTP endpoint when `TRACE_EXPORTER=otlp`.'),
  RETRY_MAX_ATTEMPTS: positiveInt.default(5).describe('Handler attempts before dead-lettering.'),
  RETRY_INITIAL_DELAY_MS: positiveInt.default(200).describe('Backoff before the second attempt.'),
  RETRY_MAX_DELAY_MS: positiveInt.default(10_000).describe('Longest backoff between attempts.'),
  SHUTDOWN_TIMEOUT_MS: positiveInt
    .default(15_000)
    .describe('Bound on graceful shutdown after SIGTERM.'),
  OUTBOUND_FAILURES_TO_OPEN: positiveInt
    .default(defaultBreakerSettings.failureThreshold)
    .describe("Retryable failures in a row that open an outbound endpoint's circuit."),
  OUTBOUND_FIRST_PROBE_MS: positiveInt
    .default(defaultBreakerSettings.initialProbeDelayMs)
    .describe('Wait before the first probe of an open circuit; doubled per failed probe.'),
  OUTBOUND_MAX_PROBE_MS: positiveInt
    .default(defaultBreakerSettings.maxProbeDelayMs)
    .describe('Longest wait between probes: bounds how late a recovered endpoint is noticed.'),
  OUTAGE_NOTICE_AFTER_MS: positiveInt
    .default(defaultOutagePolicy.noticeAfterMs)
    .describe('An event waiting this long for an endpoint is announced (citizen notice).'),
  OUTAGE_ESCALATE_AFTER_MS: positiveInt
    .default(defaultOutagePolicy.escalateAfterMs)
    .describe('An event waiting this long is escalated to operators; it keeps waiting.'),
});

export type KitConfig = z.infer<typeof kitConfigSchema>;
