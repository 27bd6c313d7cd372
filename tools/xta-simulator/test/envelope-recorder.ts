import { describeReasons, validateXtaEnvelope } from '@hub/xoev';
import type { SoapExchange } from '../src/index.js';

/** A document that failed validation against the official XTA 2 XSDs, and why. */
export interface InvalidEnvelope {
  readonly direction: 'request' | 'response';
  readonly action: string;
  readonly reasons: string;
}

/**
 * Keeps every SOAP envelope the simulator received and sent, to validate each against the
 * official XTA 2 XSDs afterwards, independently of the simulator's own strict mode.
 */
export class EnvelopeRecorder {
  readonly exchanges: SoapExchange[] = [];

  readonly record = (exchange: SoapExchange): void => {
    this.exchanges.push(exchange);
  };

  /** Number of documents recorded, both directions. */
  get documents(): number {
    return this.exchanges.length * 2;
  }

  /** The last segment of each request's wsa:Action, in order. */
  actions(): string[] {
    return this.exchanges.map((exchange) => actionOf(exchange.request));
  }

  invalidEnvelopes(): InvalidEnvelope[] {
    return this.exchanges.flatMap((exchange) => {
      const action = actionOf(exchange.request);
      return (['request', 'response'] as const).flatMap((direction) => {
        const reasons = reasonsAgainstXsd(exchange[direction]);
        return reasons === undefined ? [] : [{ direction, action, reasons }];
      });
    });
  }
}

function reasonsAgainstXsd(xml: string): string | undefined {
  try {
    const validation = validateXtaEnvelope(xml);
    return validation.valid ? undefined : describeReasons(validation.reasons);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function actionOf(request: string): string {
  return /Action[^>]*>([^<]+)</.exec(request)?.[1]?.split('/').pop() ?? 'unknown';
}
