/**
 * Injection tokens of what is not a class. The clients are provided under their classes
 * (`pg.Pool`, `Kafka`, `SchemaRegistryClient`, `AvroSerde`, `Registry`, `EventProducer`,
 * `IdempotencyLedger`, `ReadinessProbes`); inject them with `@Inject(Class)` (tsx emits no
 * decorator metadata, so Nest cannot infer constructor types).
 */

/** The service's validated configuration (its own zod schema, extending kitConfigSchema). */
export const KIT_CONFIG = Symbol('hub.kit.config');
/** The service's JSON logger. */
export const KIT_LOGGER = Symbol('hub.kit.logger');
/** Internal: the connections opened at start and closed at shutdown. */
export const SERVICE_CLIENTS = Symbol('hub.kit.service-clients');
