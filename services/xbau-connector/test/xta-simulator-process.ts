import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eventually } from '@hub/test-support';

/**
 * The XTA simulator as a child process (a service's tests may not import a tool): a free port,
 * faults, delivery counts and injected replies over its admin HTTP API.
 */
export interface SimulatorProcess {
  /** SOAP endpoint. */
  readonly url: string;
  setFaults(faults: Record<string, unknown>): Promise<void>;
  deliveries(): Promise<Record<string, number>>;
  /** Puts `body` into the message box as a reply, byte for byte; returns its XTA message id. */
  injectReply(body: string): Promise<string>;
  stop(): Promise<void>;
}

const simulatorMain = fileURLToPath(import.meta.resolve('@hub/xta-simulator/main'));

export async function startSimulatorProcess(): Promise<SimulatorProcess> {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), simulatorMain], {
    env: { ...process.env, XTA_SIMULATOR_PORT: '0', XTA_SIMULATOR_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await eventually(() => /listening on (\S+)/.exec(output)?.[1], {
    // tsx compiles the simulator first: slow on a busy machine.
    timeoutMs: 90_000,
    what: 'the XTA simulator to listen',
  });
  const admin = (path: string) => new URL(path, url).toString();
  return {
    url,
    async setFaults(faults) {
      const response = await fetch(admin('/admin/faults'), {
        method: 'PUT',
        body: JSON.stringify(faults),
      });
      if (response.status !== 204) throw new TypeError(`PUT /admin/faults: ${response.status}`);
    },
    async deliveries() {
      return (await (await fetch(admin('/admin/deliveries'))).json()) as Record<string, number>;
    },
    async injectReply(body) {
      const response = await fetch(admin('/admin/replies'), { method: 'POST', body });
      if (response.status !== 201) throw new TypeError(`POST /admin/replies: ${response.status}`);
      return ((await response.json()) as { messageId: string }).messageId;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
