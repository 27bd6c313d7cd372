import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallbackSender, type CallbackDelivery } from './callbacks.js';
import { Clients, type ApiClient } from './clients.js';
import { noFaults, type Faults } from './faults.js';
import { readBody, RequestRefused, sendJson, sendProblem } from './http-io.js';
import { getAttachment, getSubmission, listSubmissions, postEvent } from './pickup-routes.js';
import { announceSubmission, submitSubmission, uploadAttachment } from './sender-routes.js';
import type { SimulatorContext } from './simulator-context.js';
import { SubmissionStore, type Destination, type StoredSubmission } from './submission-store.js';

export interface FitConnectSimulator {
  /** Base URL of the Submission API (`/v1/...`) and of the token endpoint (`/token`). */
  readonly url: string;
  readonly admin: {
    addDestination(destination: Destination): void;
    addClient(client: ApiClient): void;
    setFaults(faults: Partial<Faults>): void;
    /** Moves the simulator's clock forward, e.g. past the 14-day pickup limit. */
    advanceClock(ms: number): void;
    /** Announces submissions to the destination again, signed afresh (a callback storm). */
    callback(destinationId: string, submissionIds: readonly string[]): void;
    callbacksIdle(): Promise<void>;
    readonly callbacks: readonly CallbackDelivery[];
    submission(submissionId: string): StoredSubmission | undefined;
    submissions(): readonly StoredSubmission[];
    revokeTokens(): void;
  };
  stop(): Promise<void>;
}

const uuid = '[0-9a-fA-F-]{36}';
type Route = readonly [
  method: string,
  path: RegExp,
  handle: (
    context: SimulatorContext,
    request: IncomingMessage,
    response: ServerResponse,
    params: readonly string[],
    query: URLSearchParams,
  ) => Promise<void> | void,
];

/** The path parameter at `index`; the route's pattern guarantees it is there. */
const param = (params: readonly string[], index: number): string => params[index] ?? '';

const routes: readonly Route[] = [
  [
    'GET',
    /^\/health$/,
    (_c, _req, res) => {
      sendJson(res, 200, { status: 'UP' });
    },
  ],
  ['POST', /^\/token$/, issueToken],
  ['GET', new RegExp(`^/v1/destinations/(${uuid})$`), getDestination],
  ['GET', new RegExp(`^/v1/destinations/(${uuid})/keys/([\\w.-]{1,200})$`), getDestinationKey],
  ['POST', /^\/v1\/submissions$/, (c, req, res) => announceSubmission(c, req, res)],
  [
    'GET',
    /^\/v1\/submissions$/,
    (c, req, res, _, query) => {
      listSubmissions(c, req, res, query);
    },
  ],
  [
    'PUT',
    new RegExp(`^/v1/submissions/(${uuid})$`),
    (c, req, res, p) => submitSubmission(c, req, res, param(p, 0)),
  ],
  [
    'GET',
    new RegExp(`^/v1/submissions/(${uuid})$`),
    (c, req, res, p) => {
      getSubmission(c, req, res, param(p, 0));
    },
  ],
  [
    'PUT',
    new RegExp(`^/v1/submissions/(${uuid})/attachments/(${uuid})$`),
    (c, req, res, p) => uploadAttachment(c, req, res, param(p, 0), param(p, 1)),
  ],
  [
    'GET',
    new RegExp(`^/v1/submissions/(${uuid})/attachments/(${uuid})$`),
    (c, req, res, p) => {
      getAttachment(c, req, res, param(p, 0), param(p, 1));
    },
  ],
  [
    'POST',
    new RegExp(`^/v1/cases/(${uuid})/events$`),
    (c, req, res, p) => postEvent(c, req, res, param(p, 0)),
  ],
];

/** Starts the FIT-Connect platform's Submission API subset on loopback (port 0: any free one). */
export async function startFitConnectSimulator(
  options: { readonly port?: number; readonly host?: string } = {},
): Promise<FitConnectSimulator> {
  let faults: Faults = noFaults;
  let clockOffsetMs = 0;
  const store = new SubmissionStore();
  const callbacks = new CallbackSender(() => faults);
  const clients = new Clients();
  const context: SimulatorContext = {
    store,
    clients,
    callbacks,
    faults: () => faults,
    now: () => new Date(Date.now() + clockOffsetMs),
  };
  const server = createServer((request, response) => {
    route(context, request, response).catch((error: unknown) => {
      if (response.headersSent) return;
      // A body refused half-read leaves bytes on the connection: it must not be reused.
      if (error instanceof RequestRefused && error.status === 413)
        response.setHeader('connection', 'close');
      if (error instanceof RequestRefused) sendProblem(response, error.status, error.detail);
      else sendProblem(response, 500, 'simulator error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    admin: {
      addDestination: (destination) => {
        store.destinations.set(destination.destinationId, destination);
      },
      addClient: (client) => {
        clients.add(client);
      },
      setFaults: (change) => {
        faults = { ...faults, ...change };
      },
      advanceClock: (ms) => {
        clockOffsetMs += ms;
      },
      callback: (destinationId, submissionIds) => {
        const destination = store.destinations.get(destinationId);
        if (destination) callbacks.announce(destination, submissionIds);
      },
      callbacksIdle: () => callbacks.idle(),
      callbacks: callbacks.deliveries,
      submission: (submissionId) => store.get(submissionId, context.now()),
      submissions: () => store.all(),
      revokeTokens: () => {
        clients.revokeTokens();
      },
    },
    stop: async () => {
      await callbacks.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

async function route(
  context: SimulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://simulator');
  const matching = routes.filter(([, path]) => path.test(url.pathname));
  if (matching.length === 0) throw new RequestRefused(404, 'no such resource');
  const hit = matching.find(([method]) => method === request.method);
  if (!hit) throw new RequestRefused(405, `use ${matching.map(([method]) => method).join(', ')}`);
  const params = hit[1].exec(url.pathname)?.slice(1) ?? [];
  await hit[2](context, request, response, params, url.searchParams);
}

async function issueToken(
  context: SimulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!/^application\/x-www-form-urlencoded\b/.test(request.headers['content-type'] ?? ''))
    throw new RequestRefused(415, 'the token request is application/x-www-form-urlencoded');
  const form = new URLSearchParams(await readBody(request));
  sendJson(response, 200, context.clients.issue(form, request.headers.authorization));
}

function getDestination(
  context: SimulatorContext,
  _request: IncomingMessage,
  response: ServerResponse,
  [destinationId]: readonly string[],
): void {
  const destination = context.store.destinations.get(destinationId ?? '');
  if (!destination) throw new RequestRefused(404, 'destination unknown');
  sendJson(response, 200, {
    destinationId: destination.destinationId,
    status: 'active',
    encryptionKid: destination.encryptionKey.kid,
  });
}

/** Public keys only: the encryption key senders use, the signature key events are checked with. */
function getDestinationKey(
  context: SimulatorContext,
  _request: IncomingMessage,
  response: ServerResponse,
  [destinationId, kid]: readonly string[],
): void {
  const destination = context.store.destinations.get(destinationId ?? '');
  const key = [destination?.encryptionKey, destination?.signatureKey].find((k) => k?.kid === kid);
  if (!key) throw new RequestRefused(404, 'key unknown');
  // Whatever was configured, only the public members leave the platform.
  const { kty, n, e, kid: keyId, alg, use, key_ops } = key;
  sendJson(response, 200, { kty, n, e, kid: keyId, alg, use, key_ops });
}
