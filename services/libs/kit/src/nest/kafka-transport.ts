import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { isObservable, lastValueFrom, throwError, type Observable } from 'rxjs';
import { HubError } from '@hub/errors';
import type { DeliveryEngine } from '../delivery/delivery-engine.js';
import type { EventContext } from '../delivery/event-context.js';
import type { HandlerDefinition } from '../delivery/handler-definition.js';
import type { RetryPolicy } from '../delivery/retry-policy.js';
import type { KitEventExtras } from './kit-event.decorator.js';

export interface KafkaTransportOptions {
  readonly shutdownTimeoutMs?: number;
  /** Topics read under another name than their pattern (tests, environment prefixes). */
  readonly topics?: Readonly<Record<string, string>>;
  /** The service's retry policy (RETRY_* configuration); `@KitEvent` options override it. */
  readonly retry?: Partial<RetryPolicy>;
  /** Handlers built from data rather than declared as methods (e.g. one per catalogue group). */
  readonly handlers?: readonly HandlerDefinition<never>[];
}

/**
 * A NestJS transport strategy on the kit's delivery engine: every `@KitEvent(spec, options)`
 * handler becomes one consumer group with the kit's ordering, retry, dead-letter and commit rules.
 */
export class KafkaTransport extends Server implements CustomTransportStrategy {
  constructor(
    private readonly engine: DeliveryEngine,
    private readonly options: KafkaTransportOptions = {},
  ) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    const retry = this.options.retry ?? {};
    for (const [topic, handler] of this.messageHandlers) {
      if (!handler.isEventHandler) continue;
      const extras = handler.extras as KitEventExtras | undefined;
      if (!extras?.type)
        throw new HubError('KIT_HANDLER_OPTIONS', `Handler for ${topic} needs @KitEvent options.`, {
          retryable: false,
        });
      this.engine.register({
        ...extras,
        retry: { ...retry, ...extras.retry },
        topic: this.options.topics?.[topic] ?? topic,
        handle: async (value: unknown, context: EventContext) => {
          const result: unknown = await handler(value, context);
          if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        },
      });
    }
    for (const definition of this.options.handlers ?? [])
      this.engine.register({
        ...definition,
        retry: { ...retry, ...definition.retry },
        topic: this.options.topics?.[definition.topic] ?? definition.topic,
      });
    this.engine.start().then(
      () => {
        callback();
      },
      (error: unknown) => {
        callback(error);
      },
    );
  }

  close(): Promise<void> {
    return this.engine.stop(this.options.shutdownTimeoutMs ?? 15_000);
  }

  on(): never {
    throw new HubError('KIT_UNSUPPORTED', 'KafkaTransport has no events to listen to.', {
      retryable: false,
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- Server's signature
  unwrap<T>(): T {
    return this.engine as T;
  }
}

/**
 * Nest's default RPC filter replaces an unknown error by `{ status: 'error' }`, which would lose
 * the code and retry decision; this filter hands the original error back to the transport.
 */
@Catch()
export class PassErrorsToDelivery implements RpcExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
