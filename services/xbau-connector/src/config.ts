import { z } from 'zod';
import { kitConfigSchema } from '@hub/kit';

const positiveInt = z.coerce.number().int().positive();

/** The XBau connector's environment: the kit's plus the XTA endpoint, identities and polling. */
export const xbauConnectorConfigSchema = kitConfigSchema.extend({
  SERVICE_NAME: kitConfigSchema.shape.SERVICE_NAME.default('xbau-connector').describe(
    'Service name: consumer groups are `<service>.<handler>`.',
  ),
  XTA_ENDPOINT_URL: z
    .url()
    .default('http://127.0.0.1:8089')
    .describe('XTA 2 server (send, message box and management ports).'),
  XTA_AUTHOR_ID: z
    .string()
    .regex(/^[a-z]{3}:\d+$/, 'a DVDV id like bpt:05913000 (XBau rule sch-xbau-001)')
    .default('bpt:05913000')
    .describe(
      'DVDV id of the hub: author of the XBau messages, and the reader every reply must name.',
    ),
  XTA_AUTHOR_NAME: z
    .string()
    .min(1)
    .default('Bauportal der Stadt')
    .describe('Name of the hub as author of the XBau messages.'),
  XTA_CALL_TIMEOUT_MS: positiveInt.default(10_000).describe('Deadline of one XTA SOAP call.'),
  TRANSPORT_REPORT_POLL_INTERVAL_MS: positiveInt
    .default(500)
    .describe('Pause between two getTransportReport calls while the report is open.'),
  TRANSPORT_REPORT_DEADLINE_MS: positiveInt
    .default(60_000)
    .describe('Open transport report after this long → retryable XBAU_TRANSPORT_REPORT_OVERDUE.'),
  REPLY_POLL_INTERVAL_MS: positiveInt
    .default(2_000)
    .describe('Pause between two rounds of fetching replies from the XTA message box.'),
  REPLY_BATCH_SIZE: positiveInt
    .default(50)
    .describe('Most replies fetched from the message box per round.'),
  REPLY_FETCH_MAX_ATTEMPTS: positiveInt
    .default(5)
    .describe(
      'Rounds a reply that getMessage cannot fetch is tried again before it is dead-lettered by its id.',
    ),
});

export type XbauConnectorConfig = z.infer<typeof xbauConnectorConfigSchema>;
