import { RegistryRejectedError, RegistryUnavailableError } from './serde-errors.js';

export type CompatibilityLevel =
  | 'BACKWARD'
  | 'BACKWARD_TRANSITIVE'
  | 'FORWARD'
  | 'FORWARD_TRANSITIVE'
  | 'FULL'
  | 'FULL_TRANSITIVE'
  | 'NONE';

const contentType = 'application/vnd.schemaregistry.v1+json';

/**
 * The few calls of the Confluent Schema Registry REST API the hub needs, against any compatible
 * registry (Confluent, Apicurio's /apis/ccompat/v7, Karapace). Ids and schemas are cached: both
 * are immutable once assigned.
 */
export class SchemaRegistryClient {
  private readonly idsBySubjectAndSchema = new Map<string, Promise<number>>();
  private readonly schemasById = new Map<number, Promise<string>>();

  constructor(private readonly baseUrl: string) {}

  /** Registers `schema` under `subject` (a no-op returning the id if it is already there). */
  register(subject: string, schema: string): Promise<number> {
    const key = `${subject}\u0000${schema}`;
    let id = this.idsBySubjectAndSchema.get(key);
    if (!id) {
      id = this.request<{ id: number }>(
        'POST',
        `/subjects/${encodeURIComponent(subject)}/versions`,
        { schema, schemaType: 'AVRO' },
      ).then((body) => body.id);
      id.catch(() => this.idsBySubjectAndSchema.delete(key));
      this.idsBySubjectAndSchema.set(key, id);
    }
    return id;
  }

  /** The schema text registered under `id`; undefined when the registry does not know the id. */
  async schemaById(id: number): Promise<string | undefined> {
    let schema = this.schemasById.get(id);
    if (!schema) {
      schema = this.request<{ schema: string }>('GET', `/schemas/ids/${id}`).then(
        (body) => body.schema,
      );
      this.schemasById.set(id, schema);
    }
    try {
      return await schema;
    } catch (error) {
      this.schemasById.delete(id);
      if (error instanceof RegistryRejectedError && error.status === 404) return undefined;
      throw error;
    }
  }

  async setCompatibility(subject: string, level: CompatibilityLevel): Promise<void> {
    await this.request('PUT', `/config/${encodeURIComponent(subject)}`, { compatibility: level });
  }

  async subjects(): Promise<string[]> {
    return this.request<string[]>('GET', '/subjects');
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.baseUrl}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: contentType,
          ...(body === undefined ? {} : { 'content-type': contentType }),
        },
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new RegistryUnavailableError(
        `Schema registry at ${this.baseUrl} is not reachable (${method} ${path}).`,
        error,
      );
    }
    const text = await response.text();
    if (response.status >= 500)
      throw new RegistryUnavailableError(
        `Schema registry answered ${method} ${path} with HTTP ${response.status}: ${text}`,
      );
    if (!response.ok)
      throw new RegistryRejectedError(
        response.status,
        `Schema registry refused ${method} ${path} with HTTP ${response.status}: ${text}`,
      );
    return JSON.parse(text) as T;
  }
}
