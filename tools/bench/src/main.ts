/**
 * `npm run bench`: the hub's benchmarks against the real local platform (brought up if needed).
 * Record the printed figures with machine and date in docs/benchmarks.md.
 */
import { cpus, totalmem } from 'node:os';
import { chainBenchmark } from './chain.bench.js';
import { defaultLayout, up } from '@hub/platform';
import { kafkaRoundtripBenchmark } from './kafka-roundtrip.bench.js';
import { kitBenchmark } from './kit.bench.js';
import { profileBenchmark } from './profile.bench.js';
import { serdeBenchmark } from './serde.bench.js';
import { xoevBenchmark } from './xoev.bench.js';
import { xtaBenchmark } from './xta.bench.js';

const [suite, ...suiteArgs] = process.argv.slice(2);
printMachine();
if (suite === 'chain') {
  await chainBenchmark(suiteArgs);
  process.exit(0);
}
if (suite === 'profile') {
  await profileBenchmark(suiteArgs);
  process.exit(0);
}
if (suite === 'xoev') {
  // Needs no platform: XÖV validation and parsing only.
  printFigures('XÖV validation and parsing', await xoevBenchmark());
  process.exit(0);
}
if (suite === 'xta') {
  // Needs no platform: the XTA client against the simulator.
  printFigures('XTA client (SOAP over HTTP)', await xtaBenchmark());
  process.exit(0);
}

const endpoints =
  process.env.KAFKA_BROKERS && process.env.SCHEMA_REGISTRY_URL
    ? {
        KAFKA_BROKERS: process.env.KAFKA_BROKERS,
        SCHEMA_REGISTRY_URL: process.env.SCHEMA_REGISTRY_URL,
      }
    : await up(defaultLayout());
if (suite === 'kit') {
  await kitBenchmark(suiteArgs, endpoints);
  process.exit(0);
}

function printMachine(): void {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(`date: ${new Date().toISOString()}\n`);
}
const suites: [string, () => Promise<Record<string, string>>][] = [
  ['Avro serde', () => serdeBenchmark(endpoints.SCHEMA_REGISTRY_URL)],
  ['XÖV validation and parsing', xoevBenchmark],
  ['XTA client (SOAP over HTTP)', xtaBenchmark],
  [
    'Kafka round trip (20,000 records)',
    () => kafkaRoundtripBenchmark(endpoints.KAFKA_BROKERS, endpoints.SCHEMA_REGISTRY_URL),
  ],
];
for (const [name, run] of suites) printFigures(name, await run());

function printFigures(name: string, figures: Record<string, string>): void {
  console.log(`## ${name}`);
  for (const [metric, value] of Object.entries(figures))
    console.log(`  ${metric.padEnd(50)} ${value}`);
  console.log();
}
