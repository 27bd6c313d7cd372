import { z } from 'zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultsSchema } from './faults.js';
import { parseJsonBody, readBody, sendJson, sendProblem } from './http-io.js';
import type { SimulatorContext } from './simulator-context.js';

/**
 * Test and demo controls under `/__admin/` (never part of a real provider):
 *   GET  /__admin/faults          current faults
 *   POST /__admin/faults          replace all faults (`{}` clears them)
 *   GET  /__admin/transactions    everything the provider has stored
 *   GET  /__admin/notifications   every notification sent, refused or dropped
 *   POST /__admin/tokens/revoke   invalidate all OAuth2 tokens
 */
export async function handleAdmin(
  context: SimulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  resource: string,
): Promise<void> {
  const route = `${request.method ?? ''} ${resource}`;
  switch (route) {
    case 'GET faults': {
      sendJson(response, 200, context.faults.current());
      return;
    }
    case 'POST faults': {
      const parsed = faultsSchema.safeParse(parseJsonBody(await readBody(request)));
      if (!parsed.success) {
        sendProblem(response, 400, z.prettifyError(parsed.error));
        return;
      }
      sendJson(response, 200, context.faults.replace(parsed.data));
      return;
    }
    case 'GET transactions': {
      sendJson(response, 200, context.store.all());
      return;
    }
    case 'GET notifications': {
      sendJson(response, 200, context.notifier.deliveries);
      return;
    }
    case 'POST tokens/revoke':
      context.auth.revokeTokens();
      {
        sendJson(response, 200, { revoked: true });
        return;
      }
    default: {
      sendProblem(response, 404, 'no such admin resource');
      return;
    }
  }
}
