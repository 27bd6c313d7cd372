import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseXml, XoevValidator } from '@hub/xoev';

const golden = (name: string) =>
  readFileSync(
    fileURLToPath(
      new URL(`../../../services/xbau-connector/testdata/golden/${name}`, import.meta.url),
    ),
    'utf8',
  );

async function perMessageMs(iterations: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await work();
  return Number(process.hrtime.bigint() - start) / 1e6 / iterations;
}

/** Validation of an XBau 0200 (XSD + Schematron + code lists) and hardened parsing, per message. */
export async function xoevBenchmark(): Promise<Record<string, string>> {
  const maximal26 = golden('maximal.xbau-2.6.xml');
  const cold = await firstValidation(maximal26, false);
  const prepared = await firstValidation(maximal26, true);
  const validator = new XoevValidator();
  const maximal25 = golden('maximal.xbau-2.5.xml');
  const validate26 = await perMessageMs(50, () => validator.validate(maximal26));
  const validate25 = await perMessageMs(50, () => validator.validate(maximal25));
  const parse = await perMessageMs(200, () => Promise.resolve(parseXml(maximal26)));
  return {
    [`validate XBau 2.6 0200, ${Math.round(maximal26.length / 1024)} kB (XSD + Schematron + code lists)`]: `${validate26.toFixed(2)} ms/message`,
    'validate XBau 2.5 0200 (XSD + code lists; 2.5 has no Schematron)': `${validate25.toFixed(2)} ms/message`,
    'hardened parse (guard + xml2js)': `${parse.toFixed(2)} ms/message`,
    'first XBau 2.6 validation in a fresh process, no preparation': `${cold.firstMs.toFixed(0)} ms`,
    'prepare() at start (XSDs, Schematron per handled type, code lists)': `${prepared.prepareMs.toFixed(0)} ms`,
    'first XBau 2.6 validation after prepare()': `${prepared.firstMs.toFixed(0)} ms`,
  };
}

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
