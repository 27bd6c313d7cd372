import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseXml, XoevValidator } from '@hub/xoev';
import { summarize } from './measure.js';
import { saxonSchematronMs } from './saxon-baseline.js';

const goldenFile = (name: string) =>
  fileURLToPath(import.meta.resolve(`@hub/xbau-connector/testdata/golden/${name}`));
const golden = (name: string) => readFileSync(goldenFile(name), 'utf8');
const tsx = fileURLToPath(import.meta.resolve('tsx/cli'));
const xbauStageScript = fileURLToPath(
  import.meta.resolve('@hub/xbau-connector/bench/map-and-validate'),
);

interface XbauStage {
  readonly mapMs: number;
  readonly mapAndValidateMs: number;
  readonly prepareMs: number;
  readonly firstMapAndValidateMs: number;
}

/** The XBau connector's own map + validate bench, in a process of its own (see its header). */
async function xbauStage(): Promise<XbauStage> {
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, xbauStageScript]);
  return JSON.parse(stdout) as XbauStage;
}

/** Median milliseconds per call of each workload, run in alternating rounds so load hits all alike. */
async function medianMs(
  workloads: readonly (() => Promise<unknown>)[],
  rounds = 10,
  perRound = 20,
): Promise<number[]> {
  const samples = workloads.map(() => [] as number[]);
  for (const work of workloads) await work();
  for (let round = 0; round < rounds; round++)
    for (const [index, work] of workloads.entries())
      for (let i = 0; i < perRound; i++) {
        const start = performance.now();
        await work();
        samples[index]?.push(performance.now() - start);
      }
  return samples.map((times) => summarize(times).p50);
}

/**
 * Validation of an XBau 0200 (XSD + Schematron + code lists) and hardened parsing, per message.
 * The Schematron engines are measured side by side in one run: libxml2 first (the default) and
 * node-schematron on fontoxpath for every pattern (the reference, and how it ran before issue 17).
 */
export async function xoevBenchmark(): Promise<Record<string, string>> {
  const maximal26 = golden('maximal.xbau-2.6.xml');
  const cold = await firstValidation(maximal26, false);
  const prepared = await firstValidation(maximal26, true);
  const validator = new XoevValidator();
  const reference = new XoevValidator({ schematronEngine: 'fontoxpath' });
  const maximal25 = golden('maximal.xbau-2.5.xml');
  try {
    const [validate26, validate26Reference, validate25, parse] = await medianMs([
      () => validator.validate(maximal26),
      () => reference.validate(maximal26),
      () => validator.validate(maximal25),
      () => Promise.resolve(parseXml(maximal26)),
    ]);
    const kB = Math.round(maximal26.length / 1024);
    const stage = await xbauStage();
    const saxon = await saxonSchematronMs(
      goldenFile('maximal.xbau-2.6.xml'),
      'baugenehmigung.antrag.0200',
    );
    return {
      'XBau connector: map an application to a 2.6 0200 + validate it (goal 4), median': `${ms(stage.mapAndValidateMs)} ms/message (the mapping alone ${ms(stage.mapMs)} ms)`,
      '  its first message after prepare() at start': `${stage.firstMapAndValidateMs.toFixed(1)} ms (prepare ${stage.prepareMs.toFixed(0)} ms)`,
      [`validate XBau 2.6 0200, ${kB} kB (XSD + Schematron + code lists), median`]: `${ms(validate26)} ms/message`,
      '  the same, every Schematron pattern on fontoxpath (reference)': `${ms(validate26Reference)} ms/message (${ratio(validate26Reference, validate26)} slower)`,
      '  Saxon-HE 12.5 + SchXslt 1.10, the same Schematron rules only (parse + rules), median':
        'skipped' in saxon
          ? `skipped: ${saxon.skipped}`
          : `${ms(saxon.medianMs)} ms/message (${ratio(saxon.medianMs, validate26)} the time of our whole validation; ${saxon.failedAsserts} failed asserts, as ours)`,
      'validate XBau 2.5 0200 (XSD + code lists; 2.5 has no Schematron), median': `${ms(validate25)} ms/message`,
      'hardened parse (guard + xml2js), median': `${ms(parse)} ms/message`,
      'first XBau 2.6 validation in a fresh process, no preparation': `${cold.firstMs.toFixed(0)} ms`,
      'prepare() at start (XSDs, Schematron per handled type, code lists)': `${prepared.prepareMs.toFixed(0)} ms`,
      'first XBau 2.6 validation after prepare()': `${prepared.firstMs.toFixed(1)} ms`,
    };
  } finally {
    validator.dispose();
    reference.dispose();
  }
}

const ms = (value: number | undefined) => (value ?? NaN).toFixed(2);
const ratio = (slow: number | undefined, fast: number | undefined) =>
  `${((slow ?? NaN) / (fast ?? NaN)).toFixed(1)}×`;

/** The first validation of a new validator, with or without `prepare()` before it. */
async function firstValidation(message: string, prepare: boolean) {
  const validator = new XoevValidator();
  try {
    const began = performance.now();
    if (prepare) await validator.prepare();
    const prepared = performance.now();
    await validator.validate(message);
    return { prepareMs: prepared - began, firstMs: performance.now() - prepared };
  } finally {
    validator.dispose();
  }
}
