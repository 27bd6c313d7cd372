import { fileURLToPath } from 'node:url';
import type { PlatformEndpoints } from '@hub/platform';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

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
  const simulators: LocalProcess[] = [
    {
      name: 'xta-simulator',
      entry: 'tools/xta-simulator/src/main.ts',
      env: { XTA_SIMULATOR_PORT: '8089' },
      url: 'http://127.0.0.1:8089/xta?wsdl',
      readyUrl: 'http://127.0.0.1:8089/xta?wsdl',
    },
    {
      name: 'payment-simulator',
      entry: 'tools/payment-simulator/src/main.ts',
      env: { PAYMENT_SIMULATOR_PORT: '8090' },
      url: 'http://127.0.0.1:8090',
      readyUrl: 'http://127.0.0.1:8090/health',
    },
  ];
  const common = { ...endpoints, TRACE_EXPORTER: 'zipkin', LOG_LEVEL: 'info' };
  const perService: Record<
    string,
    { env: Record<string, string>; url?: string; opsPort?: number }
  > = {
    'portal-gateway': {
      opsPort: 8080,
      env: { PORT: '8080', JWKS_FILE: `${repoRoot}deploy/config/dev/portal-jwks.json` },
      url: 'http://127.0.0.1:8080/openapi.json',
    },
    'xbau-connector': { env: { XTA_ENDPOINT_URL: 'http://127.0.0.1:8089/xta' } },
    'payment-connector': {
      opsPort: 9199,
      env: {
        HTTP_HOST: '127.0.0.1',
        OPS_PORT: '9199',
        PAYMENT_PROFILE_JSON: JSON.stringify({
          name: 'local-simulator',
          baseUrl: 'http://127.0.0.1:8090',
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
    // Each service's ops endpoints (/health, /metrics) on a port of its own.
    const opsPort = own?.opsPort ?? 9100 + index;
    return {
      name,
      entry: `services/${name}/src/main.ts`,
      env: { ...common, HTTP_PORT: String(9100 + index), ...own?.env },
      ...(own?.url ? { url: own.url } : {}),
      readyUrl: `http://127.0.0.1:${opsPort}/health/ready`,
    };
  });
  return [...simulators, ...servicesToRun];
}
