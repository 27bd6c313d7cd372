import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { portOffset, type PlatformEndpoints } from '@hub/platform';

const devFile = (name: string) =>
  fileURLToPath(import.meta.resolve(`@hub/deploy-config/dev/${name}`));
const devJwks = devFile('portal-jwks.json');

/** One long-running process of the local hub besides the platform: a simulator or a service. */
export interface LocalProcess {
  readonly name: string;
  /** Entry point relative to the repository root, run with tsx. */
  readonly entry: string;
  readonly env: Record<string, string>;
  /** What to show the newcomer, if it serves something to look at. */
  readonly url?: string;
  /** Answers 200 once the process can do its work (a service's /health/ready). */
  readonly readyUrl: string;
}

/**
 * The simulators of the legacy systems and every service, each on its own local port. The
 * services get the platform's endpoints; the gateway trusts the committed development keys.
 */
export function localProcesses(
  endpoints: PlatformEndpoints,
  services: readonly string[],
): LocalProcess[] {
  const offset = portOffset();
  const port = (defaultPort: number) => defaultPort + offset;
  const local = (defaultPort: number) => `http://127.0.0.1:${port(defaultPort)}`;
  const open311Keys = JSON.parse(
    readFileSync(
      fileURLToPath(import.meta.resolve('@hub/deploy-config/dev/open311-dev-keys.json')),
      'utf8',
    ),
  ) as { apiKey: string; staffKey: string; officeWebhookSecret: string };
  const fitConnect = JSON.parse(
    readFileSync(devFile('fit-connect-dev-destination.json'), 'utf8'),
  ) as {
    destinationId: string;
    subscriber: { clientId: string; clientSecret: string };
    callbackSecret: string;
  };
  const simulators: LocalProcess[] = [
    {
      name: 'xta-simulator',
      entry: 'tools/xta-simulator/src/main.ts',
      env: { XTA_SIMULATOR_PORT: String(port(8089)) },
      url: `${local(8089)}/xta?wsdl`,
      readyUrl: `${local(8089)}/xta?wsdl`,
    },
    {
      // The system every generated connector calls (OUTBOUND_URL), until it calls a real one.
      name: 'outbound-simulator',
      entry: 'tools/outbound-simulator/src/main.ts',
      env: { OUTBOUND_SIMULATOR_PORT: String(port(8092)) },
      readyUrl: `${local(8092)}/health`,
    },
    {
      name: 'office-simulator',
      entry: 'tools/office-simulator/src/main.ts',
      env: {
        OFFICE_SIMULATOR_PORT: String(port(8095)),
        OFFICE_WEBHOOK_SECRET: open311Keys.officeWebhookSecret,
      },
      url: `${local(8095)}/reports`,
      readyUrl: `${local(8095)}/health`,
    },
    {
      // The federal submission platform, with the city's development destination registered.
      name: 'fit-connect-simulator',
      entry: 'tools/fit-connect-simulator/src/main.ts',
      env: {
        FIT_CONNECT_SIMULATOR_PORT: String(port(8094)),
        FIT_CONNECT_CALLBACK_URL: `${local(8093)}/callbacks/fit-connect`,
      },
      readyUrl: `${local(8094)}/health`,
    },
    {
      // The health office's own XTA account: XWasser reports never land in the box the XBau
      // connector polls (that is the xta-simulator above).
      name: 'health-office-xta',
      entry: 'tools/xta-simulator/src/main.ts',
      env: { XTA_SIMULATOR_PORT: String(port(8096)), XTA_SIMULATOR_ROLE: 'message-box' },
      readyUrl: `${local(8096)}/xta?wsdl`,
    },
    {
      name: 'lab-simulator',
      entry: 'tools/lab-simulator/src/main.ts',
      env: {
        LAB_SIMULATOR_PORT: String(port(8097)),
        LAB_SIMULATOR_ADMIN_PORT: String(port(8098)),
        HEALTH_OFFICE_XTA_URL: `${local(8096)}/xta`,
      },
      url: `${local(8098)}/answers`,
      readyUrl: `${local(8098)}/health`,
    },
    {
      // The citizen's postbox (ZBP); `GET /__admin/mailboxes/{handle}/messages` shows a mailbox.
      name: 'postbox-simulator',
      entry: 'tools/postbox-simulator/src/main.ts',
      env: { POSTBOX_SIMULATOR_PORT: String(port(8099)) },
      readyUrl: `${local(8099)}/health`,
    },
    {
      name: 'payment-simulator',
      entry: 'tools/payment-simulator/src/main.ts',
      env: { PAYMENT_SIMULATOR_PORT: String(port(8090)) },
      url: local(8090),
      readyUrl: `${local(8090)}/health`,
    },
  ];
  const common = { ...endpoints, TRACE_EXPORTER: 'zipkin', LOG_LEVEL: 'info' };
  // Business HTTP (HTTP_PORT) where a service serves it; every service's ops endpoints
  // (/health/*, /metrics) on OPS_PORT, a port of its own (9100 + its index).
  const perService: Record<string, { env: Record<string, string>; url?: string }> = {
    'portal-gateway': {
      env: {
        HTTP_PORT: String(port(8080)),
        JWKS_FILE: devJwks,
      },
      url: `${local(8080)}/openapi.json`,
    },
    'ops-console': {
      env: {
        HTTP_PORT: String(port(8070)),
        JWKS_FILE: devJwks,
      },
      url: local(8070),
    },
    'xbau-connector': { env: { XTA_ENDPOINT_URL: `${local(8089)}/xta` } },
    'postbox-connector': { env: { POSTBOX_URL: `${local(8099)}/` } },
    'fit-connect-receiver': {
      env: {
        HTTP_PORT: String(port(8093)),
        FIT_CONNECT_API_URL: local(8094),
        FIT_CONNECT_TOKEN_URL: `${local(8094)}/token`,
        FIT_CONNECT_DESTINATION_ID: fitConnect.destinationId,
        FIT_CONNECT_CLIENT_ID: fitConnect.subscriber.clientId,
        FIT_CONNECT_CLIENT_SECRET: fitConnect.subscriber.clientSecret,
        CALLBACK_SECRET: fitConnect.callbackSecret,
        DECRYPTION_KEY_FILE: devFile('fit-connect-decryption-key.jwk.json'),
        SIGNING_KEY_FILE: devFile('fit-connect-signing-key.jwk.json'),
      },
    },
    'xwasser-connector': {
      env: {
        XTA_ENDPOINT_URL: `${local(8096)}/xta`,
        ANSWER_XTA_ENDPOINT_URL: `${local(8097)}/xta`,
        // Citizens' drinking-water orders (routing table: procedure xwasser) go to the lab here.
        LAB_ORDER_URL: `${local(8098)}/orders`,
      },
    },
    'open311-gateway': {
      env: {
        HTTP_PORT: String(port(8311)),
        OPEN311_API_KEYS: open311Keys.apiKey,
        OPEN311_STAFF_KEYS: open311Keys.staffKey,
        OFFICE_WEBHOOK_URL: `${local(8095)}/reports`,
        OFFICE_WEBHOOK_SECRET: open311Keys.officeWebhookSecret,
      },
      // The Open311 base URL; `npm run hub -- dev-open311-key` gives the api_key for POST.
      url: `${local(8311)}/open311/v2/services.json`,
    },
    'payment-connector': {
      env: {
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: String(port(8091)),
        PAYMENT_PROFILE_JSON: JSON.stringify({
          name: 'local-simulator',
          baseUrl: local(8090),
          originatorId: 'musterstadt',
          endpointId: 'bauamt',
          auth: { kind: 'none' },
          paymentMethods: ['CREDITCARD', 'PAYPAL'],
          // The simulator's default signing secret (tools/payment-simulator).
          notifications: { secret: 'payment-simulator-notification-secret' },
        }),
      },
    },
  };
  const servicesToRun = services.map((name, index): LocalProcess => {
    const own = perService[name];
    const opsPort = port(9100 + index);
    return {
      name,
      entry: `services/${name}/src/main.ts`,
      env: {
        ...common,
        OPS_PORT: String(opsPort),
        OUTBOUND_URL: `${local(8092)}/${name}`,
        ...own?.env,
      },
      ...(own?.url ? { url: own.url } : {}),
      readyUrl: `http://127.0.0.1:${opsPort}/health/ready`,
    };
  });
  // The ops console's health page asks every other part what `npm start` asks it.
  const others = [...simulators, ...servicesToRun].filter(({ name }) => name !== 'ops-console');
  const opsConsole = servicesToRun.find(({ name }) => name === 'ops-console');
  if (opsConsole)
    opsConsole.env.HEALTH_TARGETS_JSON = JSON.stringify(
      Object.fromEntries(others.map(({ name, readyUrl }) => [name, readyUrl])),
    );
  return [...simulators, ...servicesToRun];
}
