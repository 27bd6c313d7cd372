import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '@hub/xta-simulator';
import { z } from 'zod';
import { labOrderSchema } from './lab-order.js';
import type { LabSimulator } from './lab-simulator.js';

const maxBodyBytes = 1024 * 1024;

/** POST /reports: the values the lab reports, e.g. `{ "measurements": [{ "parameterCode": "1104", "value": 0.018 }] }`. */
const reportOrderSchema = z.strictObject({
  caseId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  measurements: z
    .array(
      z.strictObject({
        parameterCode: z.string().regex(/^[0-9A-Za-z]{1,16}$/),
        value: z.number(),
        unit: z.string().min(1).max(32).optional(),
      }),
    )
    .min(1)
    .max(100),
  parameterListVersion: z.string().min(1).max(16).optional(),
});

/** POST /status-requests: the case whose status the lab asks for. */
const statusRequestSchema = z.strictObject({ caseId: z.uuid() });

type Answer = { readonly status: number; readonly body: unknown };

/**
 * The lab simulator's own HTTP endpoints: GET /health; POST /orders (a health office orders an
 * examination: 201 new, 200 the same order again, 409 another order under a known id), GET
 * /orders; POST /reports (send a report, for an order with `orderId`), POST /status-requests,
 * POST /messages (any text, sent as it is); GET /answers (what the health office answered). Bad
 * input gets 400 with the field path and reason, 413 above 1 MB; the simulator stays up whatever
 * it is sent.
 */
export async function handleAdmin(
  lab: LabSimulator,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const answer = await route(lab, request);
  if (response.headersSent) return;
  response.writeHead(answer.status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(answer.body));
}

async function route(lab: LabSimulator, request: IncomingMessage): Promise<Answer> {
  const path = `${request.method ?? 'GET'} ${new URL(request.url ?? '/', 'http://lab').pathname}`;
  if (path === 'GET /health') return { status: 200, body: { status: 'ok' } };
  if (path === 'GET /answers') return { status: 200, body: lab.answers.map(withoutXml) };
  if (path === 'GET /orders') return { status: 200, body: lab.orders.all() };
  if (!['POST /orders', 'POST /reports', 'POST /status-requests', 'POST /messages'].includes(path))
    return {
      status: 404,
      body: {
        error:
          'GET /health, /answers, /orders; POST /orders, /reports, /status-requests, /messages',
      },
    };
  const body = await readBody(request, maxBodyBytes);
  if (body === undefined)
    return { status: 413, body: { error: `body above ${maxBodyBytes} bytes` } };
  if (path === 'POST /messages')
    return { status: 202, body: { xtaMessageId: await lab.sendRaw(body) } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { status: 400, body: { errors: [{ path: '', reason: 'body is not JSON' }] } };
  }
  if (path === 'POST /orders') {
    const order = labOrderSchema.safeParse(parsed);
    if (!order.success) return invalid(order.error);
    const taken = lab.takeOrder(order.data);
    if (taken === 'conflict')
      return { status: 409, body: { error: `order ${order.data.orderId} is another order` } };
    const { orderId, caseId } = order.data;
    return { status: taken === 'new' ? 201 : 200, body: { orderId, caseId } };
  }
  if (path === 'POST /status-requests') {
    const order = statusRequestSchema.safeParse(parsed);
    if (!order.success) return invalid(order.error);
    return { status: 202, body: await lab.sendStatusRequest(order.data.caseId) };
  }
  const order = reportOrderSchema.safeParse(parsed);
  if (!order.success) return invalid(order.error);
  if (order.data.orderId !== undefined && !lab.orders.get(order.data.orderId))
    return {
      status: 404,
      body: { errors: [{ path: '/orderId', reason: 'the lab holds no such order' }] },
    };
  return { status: 202, body: await lab.sendReport(order.data) };
}

function invalid(error: z.ZodError): Answer {
  return {
    status: 400,
    body: {
      errors: error.issues.map((issue) => ({
        path: `/${issue.path.join('/')}`,
        reason: issue.message,
      })),
    },
  };
}

/** An answer as listed: what it says, without its bytes. */
function withoutXml(answer: LabSimulator['answers'][number]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answer).filter(([key]) => key !== 'xml'));
}
