import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { describeAttachment, storkQaaLevels } from '@hub/zbp';
import { checkEnvelope, type EnvelopeRules } from './check-envelope.js';
import { BodyTooLarge, readLimitedBody, reply } from './http-io.js';
import { MailboxStore } from './mailbox-store.js';

export interface PostboxSimulatorOptions {
  readonly port?: number;
  readonly host?: string;
  readonly authorKey: EnvelopeRules['authorKey'];
  readonly acceptedQaaLevels?: EnvelopeRules['acceptedQaaLevels'];
  readonly maxBodyBytes?: number;
  readonly maxMessages?: number;
}

export interface PostboxSimulator {
  readonly url: string;
  readonly store: MailboxStore;
  stop(): Promise<void>;
}

const messagesPath = /^\/api\/v6\/mailboxes\/([^/]{1,200})\/messages$/;
const adminMailboxPath = /^\/__admin\/mailboxes\/([^/]{1,200})\/messages$/;
const faultSchema = z.strictObject({
  status: z.number().int().min(400).max(599),
  count: z.number().int().min(0).max(1_000),
});

const traceparentFormat = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The request's `traceparent` if it is a W3C one; anything else is not echoed back. */
function traceparentOf(request: IncomingMessage): string | null {
  const header = request.headers.traceparent;
  return typeof header === 'string' && traceparentFormat.test(header) ? header : null;
}

/**
 * The citizen's postbox (ZBP) as the hub sees it, for tests and `npm start`:
 *   POST /api/v6/mailboxes/{mailboxUuid}/messages   a message_v6/status_v6 envelope;
 *        201 stored, 200 the same message again, 400 not JSON, 401 author token, 409 id reused,
 *        413 too large, 415 not JSON content type, 422 field path + reason
 *   GET  /__admin/mailboxes/{mailboxUuid}/messages  what the mailbox received
 *   POST /__admin/faults {"status":503,"count":2}   answer the next message posts with a status
 *   DELETE /__admin/messages                        empty every mailbox
 */
export async function startPostboxSimulator(
  options: PostboxSimulatorOptions,
): Promise<PostboxSimulator> {
  const rules: EnvelopeRules = {
    authorKey: options.authorKey,
    acceptedQaaLevels: options.acceptedQaaLevels ?? storkQaaLevels,
  };
  // A message_v6 with a document of zbpAttachmentMaxBytes, base64, fits.
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  const store = new MailboxStore(options.maxMessages ?? 10_000);
  const fault = { status: 503, count: 0 };

  async function postMessage(
    request: IncomingMessage,
    response: ServerResponse,
    mailbox: string,
  ): Promise<void> {
    const type = request.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      reply(response, 415, {
        status: 415,
        problems: [{ path: '(body)', reason: 'send application/json' }],
      });
      return;
    }
    const raw = await readLimitedBody(request, maxBodyBytes);
    if (fault.count > 0) {
      fault.count -= 1;
      reply(response, fault.status, {
        status: fault.status,
        problems: [{ path: '(body)', reason: 'injected fault' }],
      });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      reply(response, 400, { status: 400, problems: [{ path: '(body)', reason: 'not JSON' }] });
      return;
    }
    const check = await checkEnvelope(body, mailbox, rules);
    if (!check.ok) {
      reply(response, check.status, { status: check.status, problems: check.problems });
      return;
    }
    const { envelope } = check;
    const outcome = store.put(mailbox, {
      messageId: envelope.messageId,
      schema: envelope.schema,
      storkQaaLevel: envelope.storkQaaLevel,
      sender: envelope.sender,
      service: envelope.service,
      title: envelope.title,
      content: check.content,
      sha512sum: envelope.sha512sum,
      attachments: (envelope.attachments ?? []).map(describeAttachment),
      createdAt: envelope.createdAt,
      receivedAt: new Date().toISOString(),
      traceparent: traceparentOf(request),
    });
    const answers = {
      stored: [201, { messageId: envelope.messageId }],
      duplicate: [200, { messageId: envelope.messageId }],
      conflict: [
        409,
        {
          status: 409,
          problems: [{ path: 'messageId', reason: 'already used for another message' }],
        },
      ],
      full: [507, { status: 507, problems: [{ path: '(body)', reason: 'postbox full' }] }],
    } as const;
    const [status, answer] = answers[outcome];
    reply(response, status, answer);
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://postbox').pathname;
    const message = messagesPath.exec(path);
    if (message && request.method === 'POST')
      return postMessage(request, response, decodeURIComponent(message[1] as string));
    const admin = adminMailboxPath.exec(path);
    if (admin && request.method === 'GET') {
      reply(response, 200, store.received(decodeURIComponent(admin[1] as string)));
      return;
    }
    if (path === '/__admin/faults' && request.method === 'POST') {
      let parsed;
      try {
        parsed = faultSchema.safeParse(JSON.parse(await readLimitedBody(request, 1_024)));
      } catch (error) {
        if (error instanceof BodyTooLarge) throw error;
        parsed = faultSchema.safeParse(undefined);
      }
      if (!parsed.success) {
        reply(response, 422, {
          status: 422,
          problems: [{ path: '(body)', reason: z.prettifyError(parsed.error) }],
        });
        return;
      }
      Object.assign(fault, parsed.data);
      reply(response, 200, fault);
      return;
    }
    if (path === '/__admin/messages' && request.method === 'DELETE') {
      store.clear();
      reply(response, 200, { cleared: true });
      return;
    }
    if (path === '/health') {
      reply(response, 200, { status: 'UP' });
      return;
    }
    reply(response, 404, {
      status: 404,
      problems: [{ path: '(url)', reason: 'no such resource' }],
    });
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof BodyTooLarge) {
        response.setHeader('connection', 'close');
        reply(response, 413, {
          status: 413,
          problems: [{ path: '(body)', reason: `larger than ${maxBodyBytes} bytes` }],
        });
        return;
      }
      reply(response, 500, {
        status: 500,
        problems: [{ path: '(body)', reason: 'simulator error' }],
      });
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    store,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        // Stopping twice (a test that stopped it for an outage, then its cleanup) is fine.
        if (!server.listening) {
          resolve();
          return;
        }
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
