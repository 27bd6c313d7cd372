import { z } from 'zod';
import { kitConfigSchema } from '@hub/kit';

const positiveInt = z.coerce.number().int().positive();

/** The connector's environment: the kit's plus the health office's XTA box and the limit table. */
export const xwasserConnectorConfigSchema = kitConfigSchema.extend({
  SERVICE_NAME: kitConfigSchema.shape.SERVICE_NAME.default('xwasser-connector').describe(
    'Service name: the poller is `<service>.lab-reports` (lease, ledger, dead letters).',
  ),
  XTA_ENDPOINT_URL: z
    .url()
    .default('http://127.0.0.1:8096/xta')
    .describe('XTA 2 server of the health office’s message box, polled for XWasser messages.'),
  ANSWER_XTA_ENDPOINT_URL: z
    .url()
    .default('http://127.0.0.1:8097/xta')
    .describe(
      'XTA 2 server that takes the answers (Quittung, Rückweisung, Statusantwort) for the labs; locally the lab simulator’s box.',
    ),
  HEALTH_OFFICE_ID: z
    .string()
    .min(1)
    .default('gesundheitsamt:05315000')
    .describe('DVDV id of the health office: every message must name it as reader.'),
  HEALTH_OFFICE_NAME: z
    .string()
    .min(1)
    .default('Gesundheitsamt Köln')
    .describe('Name of the health office in the head of its answers.'),
  XTA_CALL_TIMEOUT_MS: positiveInt.default(10_000).describe('Deadline of one XTA SOAP call.'),
  POLL_INTERVAL_MS: positiveInt
    .default(1_000)
    .describe('Pause between two rounds over the message box.'),
  POLL_BATCH_SIZE: positiveInt.default(50).describe('Messages taken per round at most.'),
  FETCH_MAX_ATTEMPTS: positiveInt
    .default(5)
    .describe('getMessage attempts (one per round) before a message is dead-lettered by its id.'),
  LAB_ORDER_URL: z
    .url()
    .default('http://127.0.0.1:8098/orders')
    .describe(
      'Where examinations are ordered for citizens’ applications (JSON POST); locally the lab simulator’s /orders.',
    ),
  LAB_CALL_TIMEOUT_MS: positiveInt.default(10_000).describe('Deadline of one lab order call.'),
  LIMIT_TABLE_VERSION: z
    .string()
    .min(1)
    .default('trinkwv-2023.1')
    .describe('The limit table in contracts/limits/ measured values are judged by.'),
});

export type XwasserConnectorConfig = z.infer<typeof xwasserConnectorConfigSchema>;
