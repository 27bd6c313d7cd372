import { startOfficeSimulator } from './office-simulator.js';

/**
 * Runs the office simulator standalone (`npm start` does):
 *   OFFICE_SIMULATOR_PORT=8095 OFFICE_WEBHOOK_SECRET=... npx tsx tools/office-simulator/src/main.ts
 * The secret comes from the environment, not the command line, where it would show in `ps`.
 */
const secret = process.env.OFFICE_WEBHOOK_SECRET;
if (!secret || secret.length < 16) {
  process.stderr.write('OFFICE_WEBHOOK_SECRET: required, 16 characters or more\n');
  process.exit(78);
}
const simulator = await startOfficeSimulator({
  port: Number(process.env.OFFICE_SIMULATOR_PORT ?? '8095'),
  secret,
});
process.stdout.write(`office simulator on ${simulator.url}\n`);
process.once('SIGTERM', () => {
  void simulator.stop().then(() => process.exit(0));
});
