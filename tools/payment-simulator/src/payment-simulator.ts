import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { HubError } from '@hub/errors';
import { DEFAULT_SIGNATURE_HEADER, DEFAULT_TIMESTAMP_HEADER } from '@hub/xbezahldienste';
import { handleAdmin } from './admin-routes.js';
import { handleApi } from './api-routes.js';
import { FaultInjector, type Faults, type FaultsInput } from './faults.js';
import { sendJson, sendProblem } from './http-io.js';
import { Notifier, type NotificationDelivery, type NotificationSigning } from './notifier.js';
import { handlePayPage } from './pay-page-routes.js';
import { ProviderAuth, type SimulatorAuth } from './provider-auth.js';
import type { SimulatorContext } from './simulator-context.js';
import { TransactionStore } from './transaction-store.js';

export interface PaymentSimulatorOptions {
  /** 0 (the default) picks a free port: what tests use. */
  readonly port?: number;
  readonly host?: string;
  readonly faults?: FaultsInput;
  readonly auth?: SimulatorAuth;
  /** Serve HTTPS and demand a client certificate issued by `clientCaPem` (mutual TLS). */
  readonly tls?: {
    readonly certPem: string;
    readonly keyPem: string;
    readonly clientCaPem: string;
  };
  /** How notifications are signed; the header names default to the library's. */
  readonly notificationSigning?: Partial<NotificationSigning>;
}

export interface PaymentSimulator {
  readonly url: string;
  /** What the provider has stored: count and inspect, never a second transaction per requestId. */
  readonly transactions: Pick<TransactionStore, 'all' | 'get' | 'size'>;
  readonly admin: {
    setFaults(faults: FaultsInput): Faults;
    faults(): Faults;
    readonly notifications: readonly NotificationDelivery[];
    /** Resolves once every notification sent so far has been answered or given up. */
    notificationsIdle(): Promise<void>;
    tokensIssued(): number;
    revokeTokens(): void;
  };
  stop(): Promise<void>;
}

export const DEFAULT_NOTIFICATION_SECRET = 'payment-simulator-notification-secret';

/** Starts an XBezahldienste provider on loopback, with a pay page and fault injection. */
export async function startPaymentSimulator(
  options: PaymentSimulatorOptions = {},
): Promise<PaymentSimulator> {
  let baseUrl = '';
  const faults = new FaultInjector(options.faults);
  const auth = new ProviderAuth(options.auth ?? { kind: 'none' });
  const notifier = new Notifier(
    {
      secret: DEFAULT_NOTIFICATION_SECRET,
      signatureHeader: DEFAULT_SIGNATURE_HEADER,
      timestampHeader: DEFAULT_TIMESTAMP_HEADER,
      ...options.notificationSigning,
    },
    faults,
  );
  const context: SimulatorContext = {
    store: new TransactionStore(),
    faults,
    notifier,
    auth,
    baseUrl: () => baseUrl,
  };
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    route(context, request, response).catch((error: unknown) => {
      if (response.headersSent) return;
      if (error instanceof HubError && error.code === 'SIMULATOR_BODY_TOO_LARGE') {
        sendProblem(response, 413, error.message);
        return;
      }
      sendProblem(response, 500, 'simulator error');
    });
  };
  const { tls } = options;
  const server = tls
    ? createTlsServer(
        {
          cert: tls.certPem,
          key: tls.keyPem,
          ca: tls.clientCaPem,
          requestCert: true,
          rejectUnauthorized: true,
        },
        handler,
      )
    : createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  baseUrl = `${tls ? 'https' : 'http'}://${address.address}:${address.port}`;

  return {
    url: baseUrl,
    transactions: context.store,
    admin: {
      setFaults: (input) => faults.replace(input),
      faults: () => faults.current(),
      notifications: notifier.deliveries,
      notificationsIdle: () => notifier.idle(),
      tokensIssued: () => auth.tokensIssued,
      revokeTokens: () => {
        auth.revokeTokens();
      },
    },
    stop: async () => {
      // Hanging creates (the timeout fault) would keep close() waiting forever.
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await notifier.idle();
    },
  };
}

async function route(
  context: SimulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://simulator').pathname;
  const [first, ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
  switch (first) {
    case 'paymenttransaction':
      return handleApi(context, request, response, rest);
    case 'pay': {
      const [transactionId] = rest;
      if (rest.length === 1 && transactionId !== undefined) {
        return handlePayPage(context, request, response, transactionId);
      }
      sendProblem(response, 404, 'no such page');
      return;
    }
    case '__admin':
      return handleAdmin(context, request, response, rest.join('/'));
    case 'oauth': {
      issueToken(context, request, response, rest.join('/'));
      return;
    }
    case 'health': {
      // For `npm start` and `platform status`: the simulator answers.
      sendJson(response, 200, { status: 'up' });
      return;
    }
    default: {
      sendProblem(response, 404, 'no such resource');
      return;
    }
  }
}

function issueToken(
  context: SimulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  resource: string,
): void {
  if (resource !== 'token' || request.method !== 'POST') {
    sendProblem(response, 404, 'no such resource');
    return;
  }
  request.resume();
  const token = context.auth.issueToken(request);
  if (!token) {
    sendJson(response, 401, { error: 'invalid_client' });
    return;
  }
  sendJson(response, 200, token);
}
