export { classifyHttpStatus, classifyNetworkError, classifySoapFault } from './errors/classify.js';
export { postJson, type PostJsonOptions, type PostedAnswer } from './http/post-json.js';
export {
  deadLetter,
  deadLetterReason,
  deadLetterTopic,
  type Failure,
} from './delivery/dead-letter.js';
export { redactErrorMessage } from './errors/redact-error-message.js';
export { DeliveryEngine, type DeliveryEngineOptions } from './delivery/delivery-engine.js';
export type { EventContext } from './delivery/event-context.js';
export { groupOf, type HandlerDefinition } from './delivery/handler-definition.js';
export type { Decoder } from './delivery/record-delivery.js';
export { defaultRetryPolicy, type RetryPolicy } from './delivery/retry-policy.js';
export { deadLetterHeaders, eventHeaders, textHeaders, type TextHeaders } from './kafka/headers.js';
export { ensureTopics, type TopicSpec } from './kafka/ensure-topics.js';
export type { KafkaClient } from './kafka/kafka-client.js';
export { createLogger, silentLogger, type KitLogger } from './observability/logger.js';
export { DeliveryMetrics } from './observability/metrics.js';
export {
  IdempotencyLedger,
  type LedgerOptions,
  type Once,
} from './idempotency/idempotency-ledger.js';
export {
  kitMigrations,
  migrate,
  type MigrateOptions,
  type MigrationSet,
} from './migrations/migrate.js';
export { outboundId } from './idempotency/outbound-id.js';
export { KeyedQueue } from './delivery/keyed-queue.js';
export {
  EventProducer,
  type Encoder,
  type ProducedTopic,
  type Publication,
  type ValueOf,
} from './producer/event-producer.js';
export { RecordSender } from './producer/record-sender.js';
export { kitConfigSchema, port, type KitConfig } from './config/kit-config.js';
export { configTable, loadConfig, type EnvSchema } from './config/load-config.js';
export { shutdownOnSignals, type ShutdownOptions } from './shutdown.js';
export {
  KafkaTransport,
  PassErrorsToDelivery,
  type KafkaTransportOptions,
} from './nest/kafka-transport.js';
export {
  consumerGroupsOf,
  KitEvent,
  kitEventsOf,
  type ConsumedTopic,
  type KitEventBinding,
  type KitEventOptions,
} from './nest/kit-event.decorator.js';
export { HubServiceModule, type HubServiceModuleOptions } from './nest/hub-service.module.js';
export {
  bootstrapHubService,
  type BusinessHttp,
  type HubService,
  type HubServiceOptions,
} from './nest/bootstrap-hub-service.js';
export { runHubService } from './nest/run-hub-service.js';
export { ReadinessProbes } from './nest/readiness-probes.js';
export { storeProvider, type PoolStore } from './nest/store-provider.js';
export { OpsServer } from './nest/ops-server.provider.js';
export { KIT_CONFIG, KIT_LOGGER } from './nest/tokens.js';
export { RoundTimer, type RoundTimerOptions } from './service/round-timer.js';
export { endpointAnswers } from './service/endpoint-probe.js';
export {
  startOpsServer,
  type OpsServerOptions,
  type ReadinessCheck,
} from './observability/ops-server.js';
export { startTracing, type TracingOptions } from './observability/tracing.js';
export { RedactingSpanExporter } from './observability/redacting-span-exporter.js';
export { connectServiceClients, type ServiceClients } from './service/service-clients.js';
export { runService } from './service/run-service.js';
export { inClientSpan, type OutboundCall } from './observability/client-span.js';
export {
  CircuitBreaker,
  defaultBreakerSettings,
  type BreakerSettings,
  type CircuitState,
} from './outage/circuit-breaker.js';
export { outboundBreakers, type OutboundBreakers } from './outage/outbound-breakers.js';
export { isDatabaseUnreachable } from './outage/database-unreachable.js';
export {
  defaultOutagePolicy,
  type OutageNotice,
  type OutagePolicy,
} from './outage/outage-policy.js';
export { Lease, leasedRound, type LeaseRound } from './lease/lease.js';
