import { examples, type DeliveryRequested } from '@hub/contracts';
import {
  loadXbauTextTypes,
  xbau0200MisfitTexts,
  xbau0200TextFields,
  XoevValidator,
  type XbauTextField,
} from '@hub/xoev';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formFields, fromDeliveryRequested } from './from-delivery-requested.js';
import { goldenCases } from './golden-cases.js';
import { toBaugenehmigungAntrag } from './to-baugenehmigung-antrag.js';

/*
 * The portal gateway refuses at the door every text that @hub/xoev's XBau text table says the
 * 0200 cannot carry. This property proves that table against this connector's own mapping and
 * the official validation: whatever text the table lets through, in whichever field, becomes a
 * 0200 that the XSDs, the Schematron rules and the code lists accept.
 */

const types = loadXbauTextTypes();
const validator = new XoevValidator();
afterAll(() => {
  validator.dispose();
});

const base = examples['procedure/delivery-requested'];
const fail = (reason: string): never => {
  throw new TypeError(reason);
};
type Application = DeliveryRequested['application'];

/** Given: a complete building-permit application, every mapped text present. */
function application(): Application {
  return {
    ...base.application,
    formFields: [
      { key: formFields.title, value: 'Carport' },
      { key: formFields.description, value: 'Holzcarport' },
      { key: formFields.measureCode, value: '10' },
      { key: formFields.district, value: '051234' },
      { key: formFields.field, value: '3' },
      { key: formFields.numerator, value: '17' },
      { key: formFields.denominator, value: '2' },
      { key: formFields.siteStreet, value: 'Friedensplatz' },
      { key: formFields.siteHouseNumber, value: '1' },
      { key: formFields.sitePostalCode, value: '44135' },
      { key: formFields.siteCity, value: 'Dortmund' },
      { key: 'bauvorhaben.notiz', value: 'frei' },
    ],
    attachments: base.application.attachments.map((attachment) => ({
      ...attachment,
      fileName: 'lageplan.png',
      mediaType: 'image/png',
    })),
  };
}

/** Puts `value` wherever `field` sits in the application (a copy). */
function withText(target: Application, field: XbauTextField, value: string): Application {
  const copy = structuredClone(target) as unknown as Record<string, unknown>;
  const { at } = field;
  if ('formField' in at) {
    for (const entry of copy.formFields as { key: string; value: unknown }[])
      if (entry.key === at.formField) entry.value = value;
    return copy as unknown as Application;
  }
  const [first, second, third] = at.pointer.split('/').slice(1);
  if (first === 'attachments' && second === '*' && third !== undefined) {
    for (const item of copy.attachments as Record<string, unknown>[]) item[third] = value;
  } else if (first === 'applicant' && second === 'address' && third !== undefined) {
    ((copy.applicant as Record<string, unknown>).address as Record<string, unknown>)[third] = value;
  } else if (first === 'applicant' && second !== undefined) {
    (copy.applicant as Record<string, unknown>)[second] = value;
  }
  return copy as unknown as Application;
}

const codePoint = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Array.from("AaZzÄäÖöÜüßŁłŠšÇçØøÉé -.,'0123456789")) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 0x2ff }) },
  { weight: 1, arbitrary: fc.integer({ min: 0x300, max: 0x36f }) },
  { weight: 1, arbitrary: fc.integer({ min: 0x1e00, max: 0x1eff }) },
  { weight: 1, arbitrary: fc.constantFrom(0x200d, 0x202e, 0xfeff, 0xfffd, 0xffff, 0x1f600) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x10ffff }) },
);
const character = codePoint.map((unit) =>
  typeof unit === 'string' ? unit : String.fromCodePoint(unit),
);
/** Texts across Unicode, weighted towards names so that many pass; normalised as the door does. */
const text = fc
  .string({ unit: character, minLength: 1, maxLength: 40 })
  .map((value) => value.normalize('NFC').trim());

describe.each(['2.5', '2.6'] as const)('texts the door accepts for XBau %s', (xbauVersion) => {
  const golden = goldenCases().find((candidate) => candidate.context.xbauVersion === xbauVersion);
  const context = { ...(golden?.context ?? fail('no golden case')), xbauVersion };

  it('become a 0200 that XSD, Schematron and code lists accept, in every mapped field', async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, {
          minLength: xbau0200TextFields.length,
          maxLength: xbau0200TextFields.length,
        }),
        async (values) => {
          let candidate = application();
          xbau0200TextFields.forEach((field, index) => {
            const value = values[index] ?? '';
            const attempt = withText(candidate, field, value);
            const misfits = xbau0200MisfitTexts(
              attempt as unknown as Record<string, unknown>,
              [xbauVersion],
              types,
            );
            if (misfits.length === 0 && value !== '') {
              candidate = attempt;
              accepted += 1;
            } else refused += 1;
          });
          const xml = toBaugenehmigungAntrag(
            fromDeliveryRequested({ ...base, application: candidate }),
            context,
          );
          const result = await validator.validate(xml);
          expect(result.reasons).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
    // Not vacuous: the generator reaches both sides of the door.
    expect(accepted).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  }, 120_000);
});
