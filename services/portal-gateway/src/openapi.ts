import { z } from 'zod';
import { submitApplicationRequest } from './http/submit-application.request.js';

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details; `errors` lists each invalid field by JSON pointer.',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          path: {
            type: 'string',
            description: 'JSON pointer of the field, e.g. /applicant/givenName',
          },
          reason: { type: 'string', description: 'In English' },
          reasonDe: { type: 'string', description: 'In German (refusals a citizen may see)' },
        },
      },
    },
  },
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const applicationView = {
  type: 'object',
  properties: {
    applicationId: { type: 'string', format: 'uuid' },
    state: {
      type: 'string',
      enum: [
        'SUBMITTED',
        'RECEIVED',
        'PROCESSING',
        'ACTION_REQUIRED',
        'COMPLETED',
        'REJECTED',
        'CANCELLED',
        'DELIVERY_FAILED',
      ],
    },
    text: { type: 'string', description: 'German text for the citizen.' },
    actionRequired: { type: 'boolean' },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          state: { type: 'string' },
          text: { type: 'string' },
          actionRequired: { type: 'boolean' },
          occurredAt: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
};

/** The gateway's OpenAPI 3.1 document; the request schema is derived from the validator itself. */
export function openApiDocument(): Record<string, unknown> {
  const idParameter = {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string', format: 'uuid' },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Municipal hub — portal gateway', version: '1.0.0' },
    components: {
      securitySchemes: { portalToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        SubmitApplicationRequest: z.toJSONSchema(submitApplicationRequest, { io: 'input' }),
        ApplicationView: applicationView,
        Problem: problemSchema,
      },
    },
    security: [{ portalToken: [] }],
    paths: {
      '/v1/applications': {
        post: {
          summary: 'Submit an application (scope applications:submit)',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', maxLength: 200 },
            },
            { name: 'traceparent', in: 'header', required: false, schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/SubmitApplicationRequest' },
              },
            },
          },
          responses: {
            '202': {
              description:
                'Accepted: the event is durably in Kafka. `applicationId` is always the hub’s own id.',
            },
            '400': problemResponse(
              'Invalid fields, malformed JSON, invalid UTF-8 bytes, or a bad idempotency key',
            ),
            '401': problemResponse(
              'Missing, expired or invalid token; a token without `exp` or living longer than the configured maximum',
            ),
            '403': problemResponse('Missing scope, or another citizen’s account'),
            '409': problemResponse(
              'Idempotency key or `applicationId` reused with another body (another application or citizen), or still in progress',
            ),
            '413': problemResponse('Body too large'),
            '415': problemResponse('Not application/json, or a charset other than UTF-8'),
            '422': problemResponse(
              'The responsible procedure cannot accept it: unknown service, missing form answers, attachment types, a fee other than the route’s, a storageUri outside the configured document stores, a path-like file name, or a text the XBau types (from the official XSDs) do not allow. Each refusal names its JSON pointer with an English and a German reason.',
            ),
            '503': problemResponse('Could not be handed over; retry with the same Idempotency-Key'),
          },
        },
      },
      '/v1/applications/{id}': {
        get: {
          summary: 'Current state and timeline (scope applications:read, own applications only)',
          parameters: [idParameter],
          responses: {
            '200': {
              description: 'The citizen view',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/ApplicationView' } },
              },
            },
            '404': problemResponse('No such application for this citizen'),
          },
        },
      },
      '/v1/applications/{id}/events': {
        get: {
          summary: 'Live updates as Server-Sent Events (event `status`, data = ApplicationView)',
          parameters: [idParameter],
          responses: {
            '200': { description: 'text/event-stream' },
            '404': problemResponse('No such application for this citizen'),
          },
        },
      },
    },
  };
}
