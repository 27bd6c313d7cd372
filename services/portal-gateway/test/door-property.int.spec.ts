import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadXbauTextTypes, xbau0200MisfitTexts } from '@hub/xoev';
import { validApplication } from './fixtures.js';
import { startGatewayUnderTest } from './gateway-under-test.js';

/*
 * The gateway half of "every 202 is deliverable": over HTTP, the real gateway answers 202 exactly
 * when the XBau text table of @hub/xoev accepts the normalised text, and never a 5xx. The other
 * half, table-accepted ⇒ a valid 0200 from the connector's own mapping, is the property test
 * services/xbau-connector/src/map/deliverable-texts.property.spec.ts.
 */

const types = loadXbauTextTypes();
const character = fc
  .oneof(
    { weight: 40, arbitrary: fc.constantFrom(...Array.from("AaÄäßŁłŠšÉé -.'")) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x2ff }) },
    { weight: 1, arbitrary: fc.integer({ min: 0x300, max: 0x36f }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(0x200d, 0x202e, 0xfeff, 0xfffd, 0xffff, 0x1f600, 0xd800),
    },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x10ffff }) },
  )
  .map((unit) => (typeof unit === 'string' ? unit : String.fromCodePoint(unit)));
const text = fc.string({ unit: character, minLength: 1, maxLength: 12 });

describe('the gateway accepts exactly what the XBau text table accepts', () => {
  let under: Awaited<ReturnType<typeof startGatewayUnderTest>>;
  beforeAll(async () => {
    under = await startGatewayUnderTest();
  });
  afterAll(async () => {
    await under.gateway.stop();
  });

  it('for generated family names and project titles, over HTTP', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(text, text, async (familyName, title) => {
        const application = validApplication();
        (application.applicant as Record<string, unknown>).familyName = familyName;
        (application.formFields as { key: string; value: unknown }[])[0] = {
          key: 'bauvorhaben.bezeichnung',
          value: title,
        };
        const normalised = JSON.parse(
          JSON.stringify(application, (_key, value: unknown) =>
            typeof value === 'string' ? value.normalize('NFC').trim() : value,
          ),
        ) as Record<string, unknown>;
        // The title is a required answer: blank, it is missing (the table skips blank answers).
        const fits =
          xbau0200MisfitTexts(normalised, ['2.5', '2.6'], types).length === 0 &&
          title.normalize('NFC').trim() !== '';

        const { status } = await under.submit(application);

        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status).toBeLessThan(500);
        expect(status === 202).toBe(fits);
      }),
      { numRuns: 120 },
    );
    // Not vacuous: both sides of the door were reached.
    expect(Object.fromEntries(statuses)).toMatchObject({
      202: expect.any(Number) as unknown,
      422: expect.any(Number) as unknown,
    });
    expect(statuses.get(202) ?? 0).toBeGreaterThan(10);
    expect(statuses.get(422) ?? 0).toBeGreaterThan(10);
  }, 180_000);
});
