import type { ReadinessCheck } from '../observability/ops-server.js';

/**
 * The dependencies `/health/ready` asks. The kit registers Kafka, the registry and PostgreSQL;
 * every outbound port registers its endpoint where it is provided (see endpointAnswers), so a
 * service is not ready while a system it calls is down.
 */
export class ReadinessProbes {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): this {
    this.checks.set(name, check);
    return this;
  }

  all(): Record<string, ReadinessCheck> {
    return Object.fromEntries(this.checks);
  }
}
