import { connect } from 'node:net';

const defaultPorts: Record<string, number> = { 'http:': 80, 'https:': 443 };

/**
 * A readiness check for an outbound endpoint: resolves when a TCP connection to the URL's host
 * and port opens. It proves the peer listens, not that it works; failures of real calls are
 * classified (and retried) where they happen.
 */
export function endpointAnswers(url: string, timeoutMs = 2_000): () => Promise<void> {
  const { hostname, port, protocol } = new URL(url);
  const target = { host: hostname, port: Number(port || defaultPorts[protocol] || 80) };
  return () =>
    new Promise<void>((resolve, reject) => {
      const socket = connect(target);
      socket.setTimeout(timeoutMs);
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('timeout', () => {
        socket.destroy();
        reject(new Error(`no answer from ${target.host}:${String(target.port)}`));
      });
      socket.once('error', reject);
    });
}
