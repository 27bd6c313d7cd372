import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

export const NOTIFICATION_SECRET = 'payment-connector-test-notification-secret';

/**
 * The provider profile for a simulator at `url`, as PAYMENT_PROFILE_JSON. Polling is per provider
 * name: a name of its own keeps a run's poller off other runs' rows.
 */
export function simulatorProfileJson(name: string, url: string, timeoutMs: number): string {
  return JSON.stringify({
    name,
    baseUrl: url,
    originatorId: 'musterstadt',
    endpointId: 'bauamt',
    auth: { kind: 'none' },
    paymentMethods: ['CREDITCARD', 'PAYPAL'],
    timeoutMs,
    notifications: { secret: NOTIFICATION_SECRET },
  });
}

export interface SimulatedTransaction {
  readonly transactionId: string;
  readonly status: string;
  readonly request: { readonly requestId: string };
  readonly refunds: {
    readonly refundId: string;
    readonly requestId: string;
    readonly amountCents: number;
  }[];
}

export interface SimulatorProcess {
  readonly url: string;
  setFaults(faults: Record<string, unknown>): Promise<void>;
  transactions(): Promise<SimulatedTransaction[]>;
  notifications(): Promise<{ transactionId: string; outcome: string }[]>;
}

/**
 * The provider simulator as a child process over real HTTP (a service's tests may not import a
 * tool, see the module boundaries), on a free port, stopped when the file's tests finish.
 */
export async function startSimulatorProcess(
  stopWith: (stop: () => Promise<void>) => void,
): Promise<SimulatorProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      import.meta.resolve('tsx'),
      fileURLToPath(import.meta.resolve('@hub/payment-simulator/main')),
      '--port',
      '0',
    ],
    {
      env: { ...process.env, PAYMENT_SIMULATOR_NOTIFICATION_SECRET: NOTIFICATION_SECRET },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  stopWith(
    () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`payment simulator exited with ${String(code)}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /listening on (\S+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
  });
  const admin = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/__admin/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    if (!response.ok) throw new Error(`admin ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    url,
    setFaults: async (faults) => {
      await admin('faults', faults);
      onTestFinished(() => admin('faults', {}).then(() => undefined));
    },
    transactions: () => admin('transactions'),
    notifications: () => admin('notifications'),
  };
}

/** Submits the pay page form as a browser does; does not follow the redirect. */
export function submitPayPage(
  payPageUrl: string,
  action: 'pay' | 'cancel' | 'fail',
  paymentMethod = 'PAYPAL',
): Promise<Response> {
  return fetch(payPageUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action, paymentMethod }).toString(),
    redirect: 'manual',
  });
}
