import { z } from 'zod';
import { kitConfigSchema, loadConfig } from '@hub/kit';
import { officeAreasSchema } from './requests/responsible-office.js';

const port = z.coerce.number().int().min(0).max(65_535);
const keyList = z
  .string()
  .regex(
    /^[A-Za-z0-9._~-]{16,}(,[A-Za-z0-9._~-]{16,})*$/,
    'comma-separated keys of 16+ characters',
  );

/** The gateway's environment: the kit's plus Open311, triage and the office webhook. */
export const open311ConfigSchema = kitConfigSchema.extend({
  SERVICE_NAME: kitConfigSchema.shape.SERVICE_NAME.default('open311-gateway').describe(
    'Service name: consumer groups are `<service>.<handler>`.',
  ),
  OPS_PORT: port.default(9180).describe('Port of /health/live, /health/ready and /metrics.'),
  HTTP_PORT: port.default(8311).describe('Port of the Open311 API (`/open311/v2/...`).'),
  HTTP_HOST: z.string().min(1).default('127.0.0.1').describe('Interface the Open311 API binds.'),
  PUBLIC_BASE_URL: z
    .url()
    .optional()
    .describe('Base URL offices call back (status changes); default `http://HTTP_HOST:HTTP_PORT`.'),
  OPEN311_API_KEYS: keyList.describe('The `api_key`s allowed to submit reports (Open311 clients).'),
  OPEN311_STAFF_KEYS: keyList.describe(
    'Keys of staff clients (`X-Staff-Key`) for the review queue and overrides.',
  ),
  TRIAGE_REVIEW_THRESHOLD: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.6)
    .describe('Below this classifier confidence a report goes to the review queue.'),
  TRIAGE_MODEL_FILE: z
    .string()
    .min(1)
    .optional()
    .describe('A model written by `npm run hub -- triage retrain`; default the shipped one.'),
  DUPLICATE_RADIUS_METRES: z.coerce
    .number()
    .positive()
    .default(25)
    .describe('An open report of the same category this close is the same defect.'),
  OFFICE_AREAS_JSON: z
    .string()
    .default('[]')
    .refine(
      (text) => officeAreasSchema.safeParse(parseJson(text)).success,
      'a JSON list of {name, centre: {lat, long}, radiusMetres, offices: {<service_code>: office}}',
    )
    .describe('Areas where another office than the category’s is responsible (e.g. a park).'),
  OFFICE_WEBHOOK_URL: z.url().describe('Where routed reports are POSTed (the office procedure).'),
  OFFICE_WEBHOOK_SECRET: z
    .string()
    .min(16)
    .describe('HMAC-SHA256 secret shared with the offices, both directions.'),
  OFFICE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(5000)
    .describe('Timeout of one webhook call.'),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024)
    .describe('Largest accepted request body.'),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type Open311Config = z.infer<typeof open311ConfigSchema>;

export function open311Config(
  env: Record<string, string | undefined> = process.env,
): Open311Config {
  return loadConfig(open311ConfigSchema, env);
}
