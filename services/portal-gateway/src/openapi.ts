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
        properties: { path: { type: 'string' }, reason: { type: 'string' } },
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
            '202': { description: 'Accepted: the event is durably in Kafka.' },
            '400': problemResponse('Invalid fields, malformed JSON or idempotency key'),
            '401': problemResponse('Missing, expired or invalid token'),
            '403': problemResponse('Missing scope, or another citizen’s account'),
            '409': problemResponse(
              'Idempotency key reused with another body, or still in progress',
            ),
            '413': problemResponse('Body too large'),
            '415': problemResponse('Not application/json'),
            '422': problemResponse('No procedure for this service in this municipality'),
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
