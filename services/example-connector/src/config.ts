import { z } from 'zod';
import { kitConfigSchema } from '@hub/kit';

/** The connector's environment: the kit's plus the system it calls. */
export const exampleConnectorConfigSchema = kitConfigSchema.extend({
  SERVICE_NAME: kitConfigSchema.shape.SERVICE_NAME.default('example-connector').describe(
    'Service name: consumer groups are `<service>.<handler>`.',
  ),
  OUTBOUND_URL: z
    .url()
    .default('http://127.0.0.1:8092/example-connector')
    .describe('Where the connector posts what it passes on (locally: the outbound simulator).'),
  OUTBOUND_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(10_000)
    .describe('Deadline of one outbound call; a timeout is retried.'),
});

export type ExampleConnectorConfig = z.infer<typeof exampleConnectorConfigSchema>;
