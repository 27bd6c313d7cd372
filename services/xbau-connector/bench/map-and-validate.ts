// The XBau connector's per-message XÖV stage as its delivery handler runs it: map the application
// to a 0200, then validate it (XSD + Schematron + code lists). Run by `npm run bench -- xoev`
// in a process of its own (a tool may not import a service); prints its figures as JSON.
import { XoevValidator } from '@hub/xoev';
import { goldenCases } from '../src/map/golden-cases.js';
import { toBaugenehmigungAntrag } from '../src/map/to-baugenehmigung-antrag.js';

const rounds = 2_000;
const maximal = goldenCases().find((golden) => golden.name === 'maximal (XBau 2.6)');
if (!maximal) throw new Error('golden case "maximal (XBau 2.6)" is missing');
const { application, context } = maximal;
const mapAndValidate = async (validator: XoevValidator) =>
  validator.validate(toBaugenehmigungAntrag(application, context));

// As at the connector's start: prepare(), then the first message.
const validator = new XoevValidator();
const began = performance.now();
await validator.prepare();
const prepared = performance.now();
const first = await mapAndValidate(validator);
const firstMs = performance.now() - prepared;
if (first.reasons.length > 0)
  throw new Error(`the mapped 0200 is invalid: ${JSON.stringify(first.reasons)}`);

const median = async (work: () => unknown): Promise<number> => {
  for (let i = 0; i < rounds / 4; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
};
const mapOnly = await median(() => toBaugenehmigungAntrag(application, context));
const whole = await median(() => mapAndValidate(validator));
validator.dispose();

process.stdout.write(
  JSON.stringify({
    mapMs: mapOnly,
    mapAndValidateMs: whole,
    prepareMs: prepared - began,
    firstMapAndValidateMs: firstMs,
  }),
);
