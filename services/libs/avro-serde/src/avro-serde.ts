import avro from 'avsc';
import { logicalTypes } from '@hub/contracts';
import type { SchemaRegistryClient } from './schema-registry-client.js';
import { registeredSchema } from './registered-schema.js';
import { InvalidValueError, UndecodableRecordError } from './serde-errors.js';
import { frame, unframe } from './wire-format.js';

export interface AvroSerdeOptions {
  /**
   * The logical types writer schemas from the registry are parsed with; they must be those of the
   * reader types, so a decimal or timestamp resolves into the same TypeScript value either way.
   */
  readonly logicalTypes?: avro.ForSchemaOptions['logicalTypes'];
}

export interface Decoded<T> {
  readonly value: T;
  readonly writerSchemaId: number;
}

/**
 * Avro values in the Confluent wire format. Encoding registers the writer schema (once per
 * process); decoding resolves whatever schema wrote the record into the caller's reader schema,
 * so consumers read older and newer writers alike (Avro spec, "Schema Resolution").
 */
export class AvroSerde {
  private readonly writerTypes = new Map<number, Promise<avro.Type>>();
  private readonly resolvers = new WeakMap<avro.Type, Map<number, avro.Resolver>>();

  private readonly logicalTypes: avro.ForSchemaOptions['logicalTypes'];

  constructor(
    private readonly registry: Pick<SchemaRegistryClient, 'register' | 'schemaById'>,
    options: AvroSerdeOptions = {},
  ) {
    this.logicalTypes = options.logicalTypes ?? logicalTypes;
  }

  async encode(subject: string, type: avro.Type, value: unknown): Promise<Buffer> {
    assertValid(type, value);
    const schemaId = await this.registry.register(subject, registeredSchema(type));
    return frame(schemaId, type.toBuffer(value));
  }

  async decode<T>(bytes: Buffer, readerType: avro.Type): Promise<Decoded<T>> {
    const { schemaId, avroPayload } = unframe(bytes);
    const resolver = await this.resolverFor(readerType, schemaId);
    try {
      return { value: readerType.fromBuffer(avroPayload, resolver) as T, writerSchemaId: schemaId };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const code = /truncated/i.test(reason) ? 'SERDE_TRUNCATED' : 'SERDE_CORRUPT_PAYLOAD';
      throw new UndecodableRecordError(
        code,
        `Avro payload written with schema id ${schemaId} cannot be read as ${readerType.name ?? 'value'}: ${reason}`,
        error,
      );
    }
  }

  private async resolverFor(readerType: avro.Type, schemaId: number): Promise<avro.Resolver> {
    let byId = this.resolvers.get(readerType);
    if (!byId) this.resolvers.set(readerType, (byId = new Map<number, avro.Resolver>()));
    const cached = byId.get(schemaId);
    if (cached) return cached;
    const writerType = await this.writerType(schemaId);
    let resolver: avro.Resolver;
    try {
      resolver = readerType.createResolver(writerType);
    } catch (error) {
      throw new UndecodableRecordError(
        'SERDE_CORRUPT_PAYLOAD',
        `Writer schema id ${schemaId} cannot be resolved into reader schema ${readerType.name ?? ''}: ${(error as Error).message}`,
        error,
      );
    }
    byId.set(schemaId, resolver);
    return resolver;
  }

  private writerType(schemaId: number): Promise<avro.Type> {
    let type = this.writerTypes.get(schemaId);
    if (!type) {
      type = this.registry.schemaById(schemaId).then((schema) => {
        if (schema === undefined)
          throw new UndecodableRecordError(
            'SERDE_UNKNOWN_SCHEMA_ID',
            `Schema id ${schemaId} is not known to the schema registry.`,
          );
        return avro.Type.forSchema(JSON.parse(schema) as avro.Schema, {
          logicalTypes: this.logicalTypes,
        });
      });
      type.catch(() => this.writerTypes.delete(schemaId));
      this.writerTypes.set(schemaId, type);
    }
    return type;
  }
}

/** Throws InvalidValueError naming the first field path where `value` breaks the schema. */
export function assertValid(type: avro.Type, value: unknown): void {
  let firstPath: string[] | undefined;
  let firstValue: unknown;
  let expected: string | undefined;
  type.isValid(value, {
    errorHook(path, invalid, invalidType) {
      if (firstPath) return;
      firstPath = path;
      firstValue = invalid;
      expected = typeLabel(invalidType);
    },
  });
  if (firstPath) {
    const got = firstValue === undefined ? 'missing' : `got ${describe(firstValue)}`;
    throw new InvalidValueError(
      type.name ?? 'value',
      firstPath.join('.'),
      `expected ${expected ?? 'another value'}, ${got}`,
    );
  }
}

function describe(value: unknown): string {
  // JSON shows strings quoted and objects whole; the rest (numbers, booleans, bigints) read as they are.
  return typeof value === 'object' || typeof value === 'string'
    ? JSON.stringify(value)
    : `${value as number}`;
}

function typeLabel(type: avro.Type): string {
  if (type.name) return type.name;
  return type.typeName;
}
