// Runs the lab simulator standalone: its XTA box on LAB_SIMULATOR_PORT (default 8097), its HTTP
// endpoints on LAB_SIMULATOR_ADMIN_PORT (8098), reports to HEALTH_OFFICE_XTA_URL
// (default http://127.0.0.1:8096/xta). Answers are collected from its box every
// LAB_SIMULATOR_COLLECT_MS (default 1000).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLabSimulator } from './lab-simulator.js';
import { handleAdmin } from './admin-routes.js';

const host = process.env.LAB_SIMULATOR_HOST ?? '127.0.0.1';
const lab = await startLabSimulator({
  port: Number(process.env.LAB_SIMULATOR_PORT ?? 8097),
  host,
  healthOfficeXtaUrl: process.env.HEALTH_OFFICE_XTA_URL ?? 'http://127.0.0.1:8096/xta',
});
const adminPort = Number(process.env.LAB_SIMULATOR_ADMIN_PORT ?? 8098);
const server = createServer((request, response) => {
  handleAdmin(lab, request, response).catch((error: unknown) => {
    if (response.headersSent) return;
    response.writeHead(502, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  });
});
await new Promise<void>((resolve) => server.listen(adminPort, host, resolve));
const { port: listening } = server.address() as AddressInfo;
// One collection at a time: a round that overlapped the previous one would fetch what it closes.
const collectEveryMs = Number(process.env.LAB_SIMULATOR_COLLECT_MS ?? 1_000);
let collecting: NodeJS.Timeout | undefined;
const collectRound = (): void => {
  lab
    .collectAnswers()
    .catch((error: unknown) => {
      process.stderr.write(`lab simulator: collecting answers failed: ${String(error)}\n`);
    })
    .finally(() => {
      collecting = setTimeout(collectRound, collectEveryMs);
    });
};
collectRound();
process.stdout.write(`Lab simulator: XTA box ${lab.boxUrl}, admin http://${host}:${listening}\n`);
const shutdown = (): void => {
  clearTimeout(collecting);
  server.close();
  void lab.stop().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
