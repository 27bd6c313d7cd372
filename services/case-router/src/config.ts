import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { kitConfigSchema } from '@hub/kit';

const positiveInt = z.coerce.number().int().positive();
const defaultRoutingTable = fileURLToPath(
  import.meta.resolve('@hub/deploy-config/routing-table.json'),
);

/** The case router's environment: the kit's plus routing and deadlines. */
export const caseRouterConfigSchema = kitConfigSchema.extend({
  SERVICE_NAME: kitConfigSchema.shape.SERVICE_NAME.default('case-router'),
  ROUTING_TABLE_FILE: z
    .string()
    .min(1)
    .default(defaultRoutingTable)
    .describe('LeiKa + AGS → procedure routing table (JSON).'),
  TRANSPORT_REPORT_DEADLINE_MS: positiveInt
    .default(30 * 60_000)
    .describe('No delivery confirmed within this time → DELIVERY_OVERDUE (operators alerted).'),
  PAYMENT_DEADLINE_MS: positiveInt
    .default(7 * 24 * 60 * 60_000)
    .describe('Fee not paid within this time → the application is cancelled.'),
  DEADLINE_SCAN_INTERVAL_MS: positiveInt
    .default(30_000)
    .describe('How often deadlines and stuck applications are checked.'),
  PEER_SERVICE_NAMES_JSON: z
    .string()
    .default('{}')
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), z.string().min(1)))
    .describe(
      'The SERVICE_NAME of each connector whose dead letters the router watches, where it is not its catalogue name (a hub under test), e.g. {"xbau-connector":"xbau-connector-e2e-1a2b"}.',
    ),
  WATCHDOG_STUCK_AFTER_MS: positiveInt
    .default(24 * 60 * 60_000)
    .describe(
      'An application whose state has not changed for this long (and is not final) is flagged: log line and hub_applications_stuck.',
    ),
});

export type CaseRouterConfig = z.infer<typeof caseRouterConfigSchema>;
